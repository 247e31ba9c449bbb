"""RSS 2.0 and Atom feeds: one document per item, item dates over options."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest_helpers import only_error, read_all

from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions
from ceasefire.model import Document

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Idlib Daily</title>
  <link>https://idlib.example/</link>
  <description>News from northwest Syria</description>
  <item>
    <title>Drone strike near Sarmada</title>
    <link>https://idlib.example/sarmada</link>
    <guid>sarmada-1</guid>
    <pubDate>Fri, 08 May 2020 01:10:00 +0300</pubDate>
    <description><![CDATA[<p>A drone struck a car near <b>Sarmada</b>,
      killing two.</p><p>No group claimed the strike.</p>]]></description>
  </item>
  <item>
    <title>Undated item</title>
    <link>https://idlib.example/undated</link>
    <description>Shelling was reported around Kansafra.</description>
  </item>
  <item>
    <title>Item without text</title>
    <link>https://idlib.example/empty</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ceasefire Watch</title>
  <id>urn:uuid:feed</id>
  <updated>2020-05-08T12:00:00Z</updated>
  <entry>
    <title>Patrol reaches Ariha</title>
    <id>urn:uuid:patrol-2</id>
    <link href="https://watch.example/patrol-2"/>
    <updated>2020-05-08T12:00:00Z</updated>
    <summary>Short summary only.</summary>
    <content type="html">&lt;p&gt;The joint patrol reached the eastern entrance of Ariha.&lt;/p&gt;
      &lt;p&gt;It was the longest since March.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_rss_items_become_documents(tmp_path: Path) -> None:
    path = write(tmp_path, "idlib.rss", RSS)
    results = read_all(path, IngestOptions(published=date(2020, 5, 1)))
    assert [type(r) for r in results] == [Document, Document, InputError]
    dated, undated, empty = results
    assert isinstance(dated, Document) and isinstance(undated, Document)
    assert isinstance(empty, InputError)
    assert (
        dated.text
        == "A drone struck a car near Sarmada, killing two.\n\nNo group claimed the strike."
    )
    assert dated.title == "Drone strike near Sarmada"
    assert dated.url == "https://idlib.example/sarmada"
    assert dated.external_id == "sarmada-1"
    assert dated.source == "Idlib Daily"
    # the item's own date wins over the option, read in its own zone (in UTC it is May 7)
    assert dated.published == date(2020, 5, 8)
    assert undated.published == date(2020, 5, 1)  # options fill the gap
    assert undated.text == "Shelling was reported around Kansafra."
    assert dated.origin == f"{path}#item-1"
    assert empty.line == 3 and "no content or summary" in empty.reason


def test_source_option_wins_over_feed_title(tmp_path: Path) -> None:
    path = write(tmp_path, "idlib.xml", RSS)
    documents = [r for r in read_all(path, IngestOptions(source="Flag")) if isinstance(r, Document)]
    assert {d.source for d in documents} == {"Flag"}


def test_atom_entry_prefers_content_over_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "watch.atom", ATOM)
    (entry,) = read_all(path)
    assert isinstance(entry, Document)
    assert entry.text == (
        "The joint patrol reached the eastern entrance of Ariha.\n\nIt was the longest since March."
    )
    assert entry.url == "https://watch.example/patrol-2"
    assert entry.published == date(2020, 5, 8)
    assert entry.source == "Ceasefire Watch"
    assert entry.title == "Patrol reaches Ariha"


def test_feed_saved_with_another_extension_is_sniffed(tmp_path: Path) -> None:
    results = read_all(write(tmp_path, "download", RSS))
    assert sum(isinstance(r, Document) for r in results) == 2


def test_truncated_feed_keeps_items_read_and_reports_the_xml_error(tmp_path: Path) -> None:
    cut = RSS[: RSS.index("<title>Undated item")]
    results = read_all(write(tmp_path, "cut.rss", cut))
    # the first item whole, the cut-open second one as an item error, then the XML error
    assert [type(r) for r in results] == [Document, InputError, InputError]
    assert isinstance(results[1], InputError) and results[1].line == 2
    error = results[-1]
    assert isinstance(error, InputError)
    assert error.reason.startswith("malformed feed XML")
    assert error.origin == str(tmp_path / "cut.rss") and "\n" not in str(error)


def test_unparseable_xml_is_an_error(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, "broken.xml", "<?xml version='1.0'?><rss><<<"))
    assert error.origin == str(tmp_path / "broken.xml")
    assert "\n" not in str(error)
    assert error.reason.startswith("not a readable RSS or Atom feed")


def test_not_a_feed_is_an_error(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, "notes.xml", "just some words, not XML at all"))
    assert "feed" in error.reason


def test_feed_with_no_items_is_an_error(tmp_path: Path) -> None:
    empty_feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    error = only_error(write(tmp_path, "empty.rss", empty_feed))
    assert error.reason.startswith("feed has no items")


def test_empty_feed_file_is_an_error(tmp_path: Path) -> None:
    assert only_error(write(tmp_path, "empty.xml", "")).reason.startswith("empty document")
