/*
 * ceasefire dashboard: map, timeline, table and event panel over the REST API.
 *
 * Plain JavaScript, no build step. Everything shown comes from untrusted reports, so
 * the DOM is built with createElement/textContent only: no data ever reaches innerHTML,
 * an attribute handler or a URL without a checked scheme.
 */
(function () {
  'use strict';

  const TYPE_COLOURS = {
    'Battles': '#c0392b',
    'Explosions/Remote violence': '#e67e22',
    'Violence against civilians': '#8e44ad',
    'Protests': '#2471a3',
    'Riots': '#17a589',
    'Strategic developments': '#5d6d7e',
  };
  const OTHER_COLOUR = '#34495e';
  const PAGE = 1000;          // events per API request while loading
  const MAX_ROWS = 1000;      // table rows drawn at most
  const RADIUS = 22;          // markers closer than this (pixels) are clustered
  const DAY_MS = 86400000;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const state = {
    events: [],               // what the server returned for the filters
    brush: null,              // [firstDay, lastDay] ISO strings, or null
    selected: null,           // event_id shown in the panel
    days: [],                 // the timeline's days, ISO strings
  };

  // -- DOM helpers: text only --------------------------------------------------------

  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    setProps(node, props);
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function svg(tag, props) {
    const node = document.createElementNS(SVG_NS, tag);
    setProps(node, props);
    return node;
  }

  function setProps(node, props) {
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (/^on/i.test(key) || key === 'href' || key === 'src') {
        throw new Error('refusing to set ' + key + ' from data');
      }
      if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function safeLink(url, label) {
    // Only web addresses become links; anything else (javascript:, data:) stays text.
    let parsed = null;
    try { parsed = new URL(url, window.location.href); } catch (error) { parsed = null; }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return h('span', { class: 'unsafe-url', title: 'not a web address: not a link' }, url);
    }
    const link = h('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }, label || url);
    link.href = parsed.href;
    return link;
  }

  function colourOf(eventType) { return TYPE_COLOURS[eventType] || OTHER_COLOUR; }

  // -- dates -------------------------------------------------------------------------

  function dayNumber(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS); }
  function isoOf(number) { return new Date(number * DAY_MS).toISOString().slice(0, 10); }
  function showDate(iso) {
    if (!iso) return '';
    return new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', {
      timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric',
    });
  }

  // -- the API -----------------------------------------------------------------------

  async function getJSON(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await response.json(); } catch (error) { body = null; }
    if (!response.ok) {
      const detail = body && typeof body.detail === 'string' ? body.detail : response.statusText;
      throw new Error(detail + ' (HTTP ' + response.status + ')');
    }
    return body;
  }

  function showError(message) {
    const box = document.getElementById('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  // -- the filter bar ----------------------------------------------------------------

  const form = document.getElementById('filters');

  function filterParams() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim()) params.set(name, String(value).trim());
    }
    return params;
  }

  function fillForm(params) {
    for (const element of form.elements) {
      if (!element.name) continue;
      if (element.type === 'checkbox') element.checked = params.get(element.name) === 'true';
      else if (params.has(element.name)) element.value = params.get(element.name);
    }
  }

  function option(value, label) {
    const node = h('option', {}, label || value);
    node.value = value;
    return node;
  }

  async function loadVocabulary() {
    const taxonomy = await getJSON('api/taxonomy');
    const types = form.elements.event_type;
    const subTypes = form.elements.sub_event_type;
    const modalities = form.elements.modality;
    for (const name of Object.keys(taxonomy.event_types)) types.append(option(name));
    for (const name of taxonomy.modalities) modalities.append(option(name));
    const fillSubTypes = () => {
      const keep = subTypes.value;
      subTypes.replaceChildren(option('', 'All sub-events'));
      const chosen = types.value ? [types.value] : Object.keys(taxonomy.event_types);
      for (const type of chosen) {
        for (const name of taxonomy.event_types[type] || []) subTypes.append(option(name));
      }
      subTypes.value = Array.from(subTypes.options).some((o) => o.value === keep) ? keep : '';
    };
    types.addEventListener('change', fillSubTypes);
    fillSubTypes();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = filterParams();
    const query = params.toString();
    history.replaceState(null, '', query ? '?' + query : window.location.pathname);
    loadEvents({ refit: true });
  });
  form.addEventListener('reset', () => {
    window.setTimeout(() => {
      form.elements.sub_event_type.value = '';
      history.replaceState(null, '', window.location.pathname);
      loadEvents({ refit: true });
    });
  });

  // -- loading -----------------------------------------------------------------------

  let loading = 0;

  async function loadEvents({ refit }) {
    const ticket = ++loading;
    const params = filterParams();
    const summary = document.getElementById('summary');
    summary.textContent = 'Loading events…';
    try {
      const events = [];
      let offset = 0;
      let total = 0;
      do {
        params.set('limit', String(PAGE));
        params.set('offset', String(offset));
        const page = await getJSON('api/events?' + params.toString());
        if (ticket !== loading) return;  // a newer request is under way
        events.push(...page.events);
        total = page.total;
        offset = page.next_offset;
      } while (offset !== null && offset !== undefined);
      params.delete('limit');
      params.delete('offset');
      const stats = await getJSON('api/stats?' + params.toString());
      if (ticket !== loading) return;
      showError('');
      state.events = events;
      state.brush = null;
      summary.textContent = total + ' events from ' + stats.documents + ' documents in the store';
      renderAll({ refit });
    } catch (error) {
      if (ticket !== loading) return;
      summary.textContent = 'No events loaded';
      showError(error.message);
    }
  }

  function visibleEvents() {
    if (!state.brush) return state.events;
    const [first, last] = state.brush;
    return state.events.filter((e) => e.event_date && e.event_date >= first && e.event_date <= last);
  }

  function renderAll({ refit }) {
    const visible = visibleEvents();
    renderTimeline();
    if (refit) fitToEvents(state.events);  // first: clusters depend on the zoom
    renderMarkers(visible);
    renderTable(visible);
    setBrushLabel();
  }

  // -- the map -----------------------------------------------------------------------

  const map = L.map('map', { zoomSnap: 0.5, minZoom: 2, maxZoom: 15, worldCopyJump: true });
  map.attributionControl.addAttribution('Place data: GeoNames (geonames.org), CC BY 4.0');
  map.setView([35.5, 37.5], 6);
  const graticule = L.layerGroup().addTo(map);
  const markerLayer = L.layerGroup().addTo(map);

  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const box = h('div', { class: 'legend' });
    for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = colour;
      box.append(h('div', { class: 'legend-item' }, swatch, type));
    }
    return box;
  };
  legend.addTo(map);

  const showAll = L.control({ position: 'topright' });
  showAll.onAdd = () => {
    const button = h('button', { type: 'button', class: 'show-all', title: 'Zoom to every event' }, 'Show all');
    L.DomEvent.disableClickPropagation(button);
    button.addEventListener('click', () => fitToEvents(state.events, { all: true }));
    return button;
  };
  showAll.addTo(map);

  function drawGraticule() {
    // Lines of latitude and longitude stand in for the base map that is not there offline.
    graticule.clearLayers();
    const zoom = map.getZoom();
    const step = zoom >= 10 ? 0.1 : zoom >= 8 ? 0.25 : zoom >= 6 ? 1 : zoom >= 4 ? 5 : 10;
    const view = map.getBounds();
    const bounds = view.pad(0.2);
    const south = Math.max(-85, Math.floor(bounds.getSouth() / step) * step);
    const north = Math.min(85, Math.ceil(bounds.getNorth() / step) * step);
    const west = Math.floor(bounds.getWest() / step) * step;
    const east = Math.ceil(bounds.getEast() / step) * step;
    const style = { color: '#b7c4ce', weight: 1, interactive: false, className: 'graticule' };
    const digits = step < 1 ? 2 : 0;
    for (let lat = south; lat <= north + 1e-9; lat += step) {
      L.polyline([[lat, west], [lat, east]], style).addTo(graticule);
      graticule.addLayer(gridLabel([lat, view.getEast()], lat.toFixed(digits) + '°N', 'east'));
    }
    for (let lon = west; lon <= east + 1e-9; lon += step) {
      L.polyline([[south, lon], [north, lon]], style).addTo(graticule);
      graticule.addLayer(gridLabel([view.getNorth(), lon], lon.toFixed(digits) + '°E', 'north'));
    }
  }

  function gridLabel(latlng, text, edge) {
    const node = h('span', { class: 'graticule-label ' + edge }, text);
    return L.marker(latlng, {
      icon: L.divIcon({ html: node, className: 'graticule-label-icon', iconSize: null }),
      interactive: false,
      keyboard: false,
    });
  }

  function fitToEvents(events, { all } = {}) {
    const placed = events.filter(hasPlace);
    if (!placed.length) return;
    let fitted = placed;
    if (!all) {
      // Fit the mass of the events, not the odd one in Moscow: drop those more than a
      // degree and a half from the median place, then the outer tenth on each side.
      const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const midLat = median(placed.map((e) => e.latitude));
      const midLon = median(placed.map((e) => e.longitude));
      const close = placed.filter(
        (e) => Math.abs(e.latitude - midLat) <= 1.5 && Math.abs(e.longitude - midLon) <= 1.5);
      if (close.length * 2 >= placed.length) fitted = close;
    }
    const lats = fitted.map((e) => e.latitude).sort((a, b) => a - b);
    const lons = fitted.map((e) => e.longitude).sort((a, b) => a - b);
    const cut = all ? 0 : Math.floor(fitted.length * 0.1);
    const last = fitted.length - 1 - cut;
    const bounds = L.latLngBounds([lats[cut], lons[cut]], [lats[last], lons[last]]);
    map.fitBounds(bounds.pad(0.2), { maxZoom: 11, animate: false });
  }

  function hasPlace(event) {
    return typeof event.latitude === 'number' && typeof event.longitude === 'number';
  }

  function renderMarkers(events) {
    markerLayer.clearLayers();
    for (const cluster of clusterEvents(events.filter(hasPlace), map.getZoom())) {
      if (cluster.events.length === 1) addPoint(cluster.events[0]);
      else addCluster(cluster);
    }
    highlightSelected();
  }

  function highlightSelected() {
    for (const node of document.querySelectorAll('#map [data-event-ids]')) {
      node.classList.toggle('selected', node.dataset.eventIds.split(' ').includes(state.selected));
    }
  }

  function clusterEvents(events, zoom) {
    // Markers closer than RADIUS pixels would hide each other: they join one cluster,
    // drawn where its first event is. The busiest places seed clusters first, so a
    // cluster stands on a real place. A grid of RADIUS-sized cells keeps lookups short.
    const perPlace = new Map();
    for (const e of events) {
      const key = e.latitude + ',' + e.longitude;
      perPlace.set(key, (perPlace.get(key) || 0) + 1);
    }
    const busiest = events.slice().sort((a, b) =>
      perPlace.get(b.latitude + ',' + b.longitude) - perPlace.get(a.latitude + ',' + a.longitude));
    const clusters = [];
    const cells = new Map();
    for (const event of busiest) {
      const point = map.project([event.latitude, event.longitude], zoom);
      const cx = Math.floor(point.x / RADIUS);
      const cy = Math.floor(point.y / RADIUS);
      let found = null;
      for (let dx = -1; dx <= 1 && !found; dx += 1) {
        for (let dy = -1; dy <= 1 && !found; dy += 1) {
          for (const cluster of cells.get((cx + dx) + ':' + (cy + dy)) || []) {
            if (Math.hypot(cluster.x - point.x, cluster.y - point.y) <= RADIUS) {
              found = cluster;
              break;
            }
          }
        }
      }
      if (found) {
        found.events.push(event);
        continue;
      }
      const cluster = { x: point.x, y: point.y, lat: event.latitude, lon: event.longitude, events: [event] };
      clusters.push(cluster);
      const key = cx + ':' + cy;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(cluster);
    }
    return clusters;
  }

  function markMarker(layer, events, lat, lon) {
    const element = layer.getElement();
    if (!element) return;
    element.dataset.eventIds = events.map((e) => e.event_id).join(' ');
    element.dataset.lat = String(lat);
    element.dataset.lon = String(lon);
    element.dataset.count = String(events.length);
  }

  function addPoint(event) {
    const marker = L.circleMarker([event.latitude, event.longitude], {
      radius: 7, color: '#1d2329', weight: 1, fillColor: colourOf(event.event_type),
      fillOpacity: 0.9, className: 'event-marker',
    });
    marker.bindTooltip(h('span', {}, (event.event_date || 'undated') + ' · ' + event.sub_event_type +
      (event.location ? ' · ' + event.location : '')));
    marker.on('click', () => openEvent(event.event_id));
    marker.addTo(markerLayer);
    markMarker(marker, [event], event.latitude, event.longitude);
    const element = marker.getElement();
    if (element) element.dataset.eventType = event.event_type;
  }

  function addCluster(cluster) {
    const { events, lat, lon } = cluster;
    const size = Math.min(46, 22 + Math.round(Math.sqrt(events.length) * 4));
    const node = h('div', { class: 'event-cluster' }, String(events.length));
    node.style.width = size + 'px';
    node.style.height = size + 'px';
    node.style.background = clusterBackground(events);
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html: node, className: 'event-cluster-icon', iconSize: [size, size] }),
      title: events.length + ' events',
      keyboard: true,
    });
    marker.on('click', () => openCluster(marker, events));
    marker.addTo(markerLayer);
    markMarker(marker, events, lat, lon);
  }

  function clusterBackground(events) {
    // A pie of the event types in the cluster.
    const counts = new Map();
    for (const e of events) counts.set(e.event_type, (counts.get(e.event_type) || 0) + 1);
    let angle = 0;
    const stops = [];
    for (const [type, count] of counts) {
      const next = angle + (count / events.length) * 360;
      stops.push(colourOf(type) + ' ' + angle.toFixed(1) + 'deg ' + next.toFixed(1) + 'deg');
      angle = next;
    }
    return 'conic-gradient(' + stops.join(', ') + ')';
  }

  function openCluster(marker, events) {
    const bounds = L.latLngBounds(events.map((e) => [e.latitude, e.longitude]));
    const spread = bounds.getNorthEast().distanceTo(bounds.getSouthWest());
    if (spread > 50 && map.getZoom() < map.getMaxZoom()) {
      map.fitBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom(), animate: false });
      return;
    }
    // Events at one place cannot be told apart by zooming: list them.
    const list = h('ul', { class: 'cluster-list' });
    for (const event of events) {
      const button = h('button', { type: 'button' },
        (event.event_date || 'undated') + ' · ' + event.sub_event_type);
      button.addEventListener('click', () => { map.closePopup(); openEvent(event.event_id); });
      list.append(h('li', {}, button));
    }
    L.popup({ maxWidth: 320 }).setLatLng(marker.getLatLng())
      .setContent(h('div', {}, h('strong', {}, events[0].location || 'Events here'), list))
      .openOn(map);
  }

  map.on('zoomend', () => renderMarkers(visibleEvents()));
  map.on('moveend', drawGraticule);
  drawGraticule();

  // -- the timeline ------------------------------------------------------------------

  const timeline = document.getElementById('timeline');
  const brushLabel = document.getElementById('brush-label');
  const clearBrush = document.getElementById('clear-brush');
  const MARGIN = { left: 28, right: 8, top: 8, bottom: 22 };
  let drag = null;

  function timelineGeometry() {
    const width = Math.max(200, timeline.clientWidth);
    const height = Math.max(80, timeline.clientHeight);
    const slot = (width - MARGIN.left - MARGIN.right) / Math.max(1, state.days.length);
    return { width, height, slot };
  }

  function renderTimeline() {
    const dated = state.events.filter((e) => e.event_date);
    state.days = [];
    if (dated.length) {
      const numbers = dated.map((e) => dayNumber(e.event_date));
      const first = Math.min(...numbers);
      const last = Math.max(...numbers);
      for (let d = first; d <= last; d += 1) state.days.push(isoOf(d));
    }
    const { width, height, slot } = timelineGeometry();
    timeline.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    timeline.replaceChildren();
    if (!state.days.length) return;

    const perDay = new Map();
    for (const e of dated) {
      if (!perDay.has(e.event_date)) perDay.set(e.event_date, new Map());
      const types = perDay.get(e.event_date);
      types.set(e.event_type, (types.get(e.event_type) || 0) + 1);
    }
    const most = Math.max(...Array.from(perDay.values(), (t) => Array.from(t.values()).reduce((a, b) => a + b, 0)));
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    const base = height - MARGIN.bottom;

    timeline.append(svg('line', { class: 'axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: base, y2: base }));
    const mostLabel = svg('text', { class: 'axis-label', x: MARGIN.left - 4, y: MARGIN.top + 8, 'text-anchor': 'end' });
    mostLabel.textContent = String(most);
    timeline.append(mostLabel);

    const firstMonth = state.days.findIndex((d) => d.endsWith('-01'));
    const roomFirst = firstMonth < 0 || firstMonth * slot > 60;  // else labels overlap
    state.days.forEach((day, index) => {
      const x = MARGIN.left + index * slot;
      const inside = !state.brush || (day >= state.brush[0] && day <= state.brush[1]);
      const group = svg('g', { class: inside ? 'day' : 'day outside', 'data-day': day });
      group.append(svg('rect', {
        class: 'day-slot', x, y: MARGIN.top, width: slot, height: plotHeight, 'data-day': day,
      }));
      let top = base;
      for (const [type, count] of perDay.get(day) || []) {
        const barHeight = (count / most) * plotHeight;
        top -= barHeight;
        const bar = svg('rect', {
          class: 'bar', x: x + slot * 0.1, y: top, width: Math.max(1, slot * 0.8), height: barHeight,
          fill: colourOf(type), 'data-day': day, 'data-count': count,
        });
        const title = svg('title');
        title.textContent = showDate(day) + ': ' + count + ' × ' + type;
        bar.append(title);
        group.append(bar);
      }
      timeline.append(group);
      if (day.endsWith('-01') || (index === 0 && roomFirst)) {
        const label = svg('text', { class: 'axis-label', x, y: height - 6 });
        label.textContent = showDate(day).replace(/^\d+ /, '');
        timeline.append(label);
      }
    });
    if (state.brush) drawBrush(state.brush[0], state.brush[1]);
  }

  function dayAt(clientX) {
    const box = timeline.getBoundingClientRect();
    const { width, slot } = timelineGeometry();
    const x = (clientX - box.left) * (width / box.width);
    const index = Math.floor((x - MARGIN.left) / slot);
    return state.days[Math.min(state.days.length - 1, Math.max(0, index))];
  }

  function drawBrush(firstDay, lastDay) {
    const { slot, height } = timelineGeometry();
    const from = state.days.indexOf(firstDay);
    const to = state.days.indexOf(lastDay);
    let rect = timeline.querySelector('rect.brush');
    if (!rect) {
      rect = svg('rect', { class: 'brush' });
      timeline.append(rect);
    }
    rect.setAttribute('x', String(MARGIN.left + from * slot));
    rect.setAttribute('y', String(MARGIN.top));
    rect.setAttribute('width', String((to - from + 1) * slot));
    rect.setAttribute('height', String(height - MARGIN.top - MARGIN.bottom));
  }

  function ordered(a, b) { return a <= b ? [a, b] : [b, a]; }

  timeline.addEventListener('pointerdown', (event) => {
    if (!state.days.length || event.button !== 0) return;
    timeline.setPointerCapture(event.pointerId);
    drag = { startX: event.clientX, startDay: dayAt(event.clientX) };
    drawBrush(drag.startDay, drag.startDay);
  });
  timeline.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const [first, last] = ordered(drag.startDay, dayAt(event.clientX));
    drawBrush(first, last);
  });
  timeline.addEventListener('pointerup', (event) => {
    if (!drag) return;
    const moved = Math.abs(event.clientX - drag.startX) > 3;
    const range = ordered(drag.startDay, dayAt(event.clientX));
    drag = null;
    setBrush(moved ? range : null);
  });

  function setBrush(range) {
    state.brush = range;
    const visible = visibleEvents();
    renderTimeline();
    renderMarkers(visible);
    renderTable(visible);
    setBrushLabel();
  }

  function setBrushLabel() {
    const range = state.brush;
    clearBrush.hidden = !range;
    brushLabel.textContent = range
      ? showDate(range[0]) + ' – ' + showDate(range[1]) + ': ' + visibleEvents().length + ' events'
      : 'Drag across the days to filter the map and the table.';
  }
  clearBrush.addEventListener('click', () => setBrush(null));
  window.addEventListener('resize', () => { renderTimeline(); map.invalidateSize(); });

  // -- the table ---------------------------------------------------------------------

  const tbody = document.querySelector('#events tbody');

  function renderTable(events) {
    const rows = events.slice(0, MAX_ROWS).map((event) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = colourOf(event.event_type);
      const row = h('tr', { tabindex: 0, dataset: { eventId: event.event_id } },
        h('td', { class: 'date' }, event.event_date || 'undated'),
        h('td', {}, swatch, ' ', event.event_type),
        h('td', {}, event.sub_event_type),
        h('td', {}, event.actor1 || ''),
        h('td', {}, event.actor2 || ''),
        h('td', {}, event.location || ''),
        h('td', {}, event.admin1 || ''),
        h('td', { class: 'number' }, event.fatalities === null ? '?' : event.fatalities),
        h('td', {}, event.modality),
        h('td', {}, event.source || ''));
      if (event.event_id === state.selected) row.classList.add('selected');
      row.addEventListener('click', () => openEvent(event.event_id));
      row.addEventListener('keydown', (key) => {
        if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); openEvent(event.event_id); }
      });
      return row;
    });
    tbody.replaceChildren(...rows);
    const shown = events.length > MAX_ROWS ? ' (first ' + MAX_ROWS + ' shown; narrow the filters)' : '';
    document.getElementById('table-count').textContent =
      events.length + ' of ' + state.events.length + ' events' + shown;
  }

  // -- the event panel ---------------------------------------------------------------

  const panel = document.getElementById('panel');

  async function openEvent(eventId) {
    state.selected = eventId;
    for (const row of tbody.querySelectorAll('tr')) {
      row.classList.toggle('selected', row.dataset.eventId === eventId);
    }
    highlightSelected();
    panel.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    try {
      const detail = await getJSON('api/events/' + encodeURIComponent(eventId));
      if (state.selected !== eventId) return;
      renderPanel(detail);
    } catch (error) {
      panel.replaceChildren(h('p', { class: 'error' }, error.message));
    }
  }

  function fact(label, ...value) {
    return [h('dt', {}, label), h('dd', {}, ...value)];
  }

  function renderPanel(detail) {
    const event = detail.event;
    const doc = detail.document;
    const corrected = new Set(event.corrected_fields);
    const note = (field) => corrected.has(field)
      ? h('span', { class: 'corrected', title: 'corrected by an analyst' }, ' (corrected)') : null;
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = colourOf(event.event_type);

    const actors = [event.actor1, event.assoc_actor_1 && '(with ' + event.assoc_actor_1 + ')']
      .filter(Boolean).join(' ');
    const targets = [event.actor2, event.assoc_actor_2 && '(with ' + event.assoc_actor_2 + ')']
      .filter(Boolean).join(' ');
    const place = [event.location, event.admin1, event.country].filter(Boolean).join(', ');
    const sourceLine = [doc.source || event.source, doc.published && showDate(doc.published)]
      .filter(Boolean).join(', ');

    const facts = h('dl', { class: 'facts' },
      fact('Date', showDate(event.event_date) || 'undated',
        event.date_precision ? ' (' + event.date_precision + ')' : '', note('event_date')),
      fact('Type', event.event_type, note('event_type')),
      fact('Place', place || 'unknown', note('location')),
      fact('Actor 1', actors || '—', note('actor1')),
      fact('Actor 2', targets || '—', note('actor2')),
      fact('Deaths', event.fatalities === null ? 'unknown' : String(event.fatalities), note('fatalities')),
      fact('Modality', h('span', { class: 'modality' }, event.modality), note('modality')),
      fact('Confidence', h('span', { class: 'confidence' }, Math.round(event.confidence * 100) + '%')),
      fact('Source', h('span', { class: 'source' }, sourceLine || 'unknown')),
      doc.title ? fact('Report', h('span', { class: 'doc-title' }, doc.title)) : null,
      doc.url ? fact('Address', safeLink(doc.url)) : null,
      event.attribution ? fact('Attributed to', event.attribution) : null);

    const passages = detail.passages.map((passage) => renderPassage(passage, event.evidence));
    const evidenceList = h('ul', { class: 'evidence-list' },
      event.evidence.map((item) => h('li', {}, h('code', {}, item.field), ' ', item.text)));

    const parts = [
      h('h2', {}, swatch, event.sub_event_type),
      facts,
      h('h3', {}, 'Evidence in the report'),
      passages.length ? passages : h('p', { class: 'hint' }, 'No evidence span was kept.'),
      evidenceList,
    ];
    if (detail.corrections.length) {
      parts.push(h('h3', {}, 'Corrections'), h('ol', { class: 'corrections' },
        detail.corrections.map((c) => h('li', {},
          c.author + ' set ' + c.field + ' from ' + JSON.stringify(c.old_value) + ' to ' +
          JSON.stringify(c.new_value) + ' on ' + c.created_at.slice(0, 16).replace('T', ' ') +
          (c.reason ? ': ' + c.reason : '')))));
    }
    panel.replaceChildren(...parts.flat());
  }

  function renderPassage(passage, evidence) {
    // Cut the passage at every span boundary; each piece is text, marked when some
    // evidence covers it, and the fields it is evidence for named in its title.
    const spans = evidence.filter((e) => e.start < passage.end && e.end > passage.start);
    const cuts = new Set([passage.start, passage.end]);
    for (const span of spans) {
      cuts.add(Math.max(span.start, passage.start));
      cuts.add(Math.min(span.end, passage.end));
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const quote = h('blockquote', { class: passage.is_notes ? 'passage notes' : 'passage' });
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [from, to] = [points[i], points[i + 1]];
      const text = passage.text.slice(from - passage.start, to - passage.start);
      const fields = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.field);
      if (fields.length) {
        quote.append(h('mark', { class: 'evidence', title: fields.join(', '),
          dataset: { fields: fields.join(' ') } }, text));
      } else {
        quote.append(text);
      }
    }
    return quote;
  }

  // -- start -------------------------------------------------------------------------

  fillForm(new URLSearchParams(window.location.search));
  loadVocabulary()
    .catch((error) => showError('Cannot load the vocabularies: ' + error.message))
    .then(() => {
      fillForm(new URLSearchParams(window.location.search));
      return loadEvents({ refit: true });
    });
})();
