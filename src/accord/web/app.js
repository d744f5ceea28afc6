// The accord page: pick one or two countries, see their events and figures, read the evidence in its article.
// Every piece of data goes into the page through textContent or setAttribute, never parsed as markup.
"use strict";

const QUAD = { AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4 };
const QUAD_NAMES = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const SVG_NS = "http://www.w3.org/2000/svg";
const HOW_NAMES = { stated: "stated", dateline: "dateline", host: "host of a visit", actors: "where its actors are", none: "not known" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Months between time ticks, tried from the finest; the first whose labels do not touch is used (as charts.py).
const TICK_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];
const MONTH_LABEL_PX = 60, YEAR_LABEL_PX = 36;
const state = { dyads: [], events: [], facts: [], places: [], place: null, seq: 0, countries: {}, trend: null };

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function status(message) { $("status").textContent = message || ""; }

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== ""));
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function actorLabel(actor) {
  if (!actor) return "–";
  return actor.name ? `${actor.country || "?"} · ${actor.name}` : (actor.country || "?");
}

function quadOf(type) { return QUAD[type] || 1; }

// "--11-17" -> "17 Nov (year not stated)"; dates with a year as they are; "undated" for none.
function readableDate(date) {
  if (!date) return "undated";
  const m = /^--(\d\d)(?:-(\d\d))?$/.exec(date);
  if (!m || +m[1] < 1 || +m[1] > 12) return date;
  return `${m[2] ? +m[2] + " " : ""}${MONTHS[+m[1] - 1]} (year not stated)`;
}

// ------------------------------------------------------------ countries

async function loadCountries() {
  const [data, points] = await Promise.all([api("/api/dyads"), api("/api/countries")]);
  state.countries = points.items;
  state.dyads = data.items;
  const a = $("country-a");
  a.replaceChildren(...data.countries.map((c) => el("option", { value: c, text: c })));
  const top = state.dyads.find((d) => d.countries.length === 2);
  if (!data.countries.length) { status("The store holds no events yet."); return; }
  a.value = top ? top.countries[0] : data.countries[0];
  fillPartners(top ? top.countries[1] : "");
  await loadRecords();
}

function fillPartners(selected) {
  const a = $("country-a").value;
  const partners = new Set();
  for (const d of state.dyads) if (d.countries.length === 2 && d.countries.includes(a)) {
    partners.add(d.countries[0] === a ? d.countries[1] : d.countries[0]);
  }
  const options = [el("option", { value: "", text: "any partner" })];
  for (const p of [...partners].sort()) options.push(el("option", { value: p, text: p }));
  $("country-b").replaceChildren(...options);
  $("country-b").value = partners.has(selected) ? selected : "";
}

// ------------------------------------------------------------ events and facts

async function loadRecords() {
  const a = $("country-a").value, b = $("country-b").value;
  if (!a) return;
  const filter = b ? { dyad: `${a}-${b}` } : { country: a };
  const seq = ++state.seq;  // a later choice wins over an answer still on its way
  delete document.body.dataset.loaded;  // what is drawn is no longer what was chosen, until this answer is in
  status("loading…");
  try {
    // every report, not one per cluster: the page shows each article's own evidence
    const [events, facts, trend] = await Promise.all([api("/api/events", { ...filter, limit: 1000, raw: true }),
      api("/api/facts", { ...filter, limit: 1000, raw: true }), api("/api/trend", filter)]);
    if (seq !== state.seq) return;
    state.events = events.items;
    state.facts = facts.items;
    state.trend = trend;
    status(events.next_offset !== null ? "showing the first 1000 reports" : "");
  } catch (err) {
    if (seq !== state.seq) return;
    status(err.message);
    state.events = []; state.facts = []; state.trend = null;
  }
  clearArticle();
  drawTrend(state.trend);
  state.place = null;
  state.places = groupPlaces(state.events);
  fillPlaces(state.places);
  showPlace(null);
  fillFacts(state.facts);
  document.body.dataset.loaded = `${a}-${b}`;  // last: tests wait for it before they measure what was drawn
}

// ------------------------------------------------------------ places

// Events of one place share a key: the country and the GeoNames id, else the place name; "" for no country.
function placeKey(e) {
  if (!e.location) return "";
  const id = e.geonameid !== null && e.geonameid !== undefined ? `#${e.geonameid}` : (e.place || "");
  return `${e.location}|${id}`;
}

function hasCoords(p) { return Number.isFinite(p.lat) && Number.isFinite(p.lon); }

function placeName(p) {
  if (p.place) return p.place;
  return p.country ? `${p.country} (no place named)` : "unknown";
}

function groupPlaces(events) {
  const groups = new Map();
  for (const e of events) {
    const key = placeKey(e);
    let g = groups.get(key);
    if (!g) {
      g = { key, country: e.location || null, place: e.place || null, lat: null, lon: null, count: 0, how: new Map() };
      groups.set(key, g);
    }
    g.count += 1;
    if (!g.place && e.place) g.place = e.place;
    if (!hasCoords(g) && Number.isFinite(e.lat) && Number.isFinite(e.lon)) { g.lat = e.lat; g.lon = e.lon; }
    const how = e.location_how || "none";
    g.how.set(how, (g.how.get(how) || 0) + 1);
  }
  return [...groups.values()].sort((p, q) => (p.key === "") - (q.key === "") || q.count - p.count ||
    placeName(p).localeCompare(placeName(q)));
}

function formatCoords(p) {
  if (!hasCoords(p)) return "–";
  const lat = `${Math.abs(p.lat).toFixed(2)}° ${p.lat < 0 ? "S" : "N"}`;
  const lon = `${Math.abs(p.lon).toFixed(2)}° ${p.lon < 0 ? "W" : "E"}`;
  return `${lat}, ${lon}`;
}

function formatHow(p) {
  return [...p.how.entries()].map(([how, n]) => `${HOW_NAMES[how] || how} ${n}`).join(" · ");
}

function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

function fillPlaces(places) {
  $("place-count").textContent = `(${places.length})`;
  const rows = places.map((p) => {
    const row = el("tr", { className: "place-row", "data-place": p.key, tabindex: 0 },
      el("td", { className: "place-name", text: placeName(p) }), el("td", { text: p.country || "–" }),
      el("td", { className: "coords", text: hasCoords(p) ? formatCoords(p) : p.country && state.countries[p.country]
        ? "country level" : "–" }), el("td", { text: formatHow(p) }),
      el("td", { className: "count", text: String(p.count) }));
    row.addEventListener("click", () => togglePlace(p.key));
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") togglePlace(p.key); });
    return row;
  });
  $("places").tBodies[0].replaceChildren(...rows);
  drawMap(places);
}

function togglePlace(key) { showPlace(state.place === key ? null : key); }

// Only the events of one place (null: every place) in the timeline and the table.
function showPlace(key) {
  state.place = key;
  const events = visibleEvents();
  drawTimeline(events);
  fillEvents(events);
  for (const node of document.querySelectorAll("[data-place]")) {
    const on = node.getAttribute("data-place") === key;
    node.classList.toggle("current", on);
    if (node.tagName === "TR") node.setAttribute("aria-selected", String(on));
  }
  const p = state.places.find((g) => g.key === key);
  $("place-filter").hidden = !p;
  $("place-filter-text").textContent = p
    ? `Showing the ${plural(events.length, "event")} ${p.key === "" ? "with no known place" :
      "in " + placeName(p) + (p.place && p.country ? ", " + p.country : "")}.`
    : "";
  if (p) $("event-count").textContent = `(${events.length} of ${state.events.length})`;
}

function visibleEvents() {
  return state.place === null ? state.events : state.events.filter((e) => placeKey(e) === state.place);
}

// Where a place is drawn: at its own coordinates, else (known only at country level) at its country's point.
function pointOf(p) {
  if (hasCoords(p)) return { lat: p.lat, lon: p.lon, level: "place" };
  const c = p.country ? state.countries[p.country] : null;
  return c ? { lat: c.lat, lon: c.lon, level: "country", at: c.at, name: c.name } : null;
}

// An equirectangular map (x from longitude, y from latitude, one scale for both) of the places, framed around
// them, over a grid of meridians and parallels: places with coordinates as dots, countries as diamonds.
function drawMap(places) {
  const box = $("map");
  const width = Math.max(box.clientWidth || 360, 240), height = Math.max(box.clientHeight || 220, 160);
  box.setAttribute("viewBox", `0 0 ${width} ${height}`);
  box.replaceChildren();
  const marks = places.map((p) => ({ p, at: pointOf(p) })).filter((m) => m.at);
  const frame = mapFrame(marks.map((m) => m.at), width, height);
  const { x, y } = frame;
  drawGrid(box, frame);
  if (!marks.length) {
    box.append(svg("text", { class: "map-note", x: width / 2, y: height / 2 }, "no place or country known"));
    return;
  }
  for (const { p, at } of [...marks].sort((a, b) => b.p.count - a.p.count)) {  // the largest first: small ones on top
    const r = 4 + 2 * Math.sqrt(p.count), cx = x(at.lon), cy = y(at.lat);
    const mark = at.level === "place"
      ? svg("circle", { class: "place-dot", cx, cy, r, "data-place": p.key, tabindex: 0 })
      : svg("path", { class: "country-mark", d: `M${cx} ${cy - r - 1}L${cx + r + 1} ${cy}L${cx} ${cy + r + 1}L${cx - r - 1} ${cy}Z`,
        "data-place": p.key, "data-country": p.country, tabindex: 0 });
    const where = at.level === "place" ? `${placeName(p)}${p.country ? ", " + p.country : ""}`
      : `${p.place || at.name} (known at country level; drawn at ${at.at})`;
    mark.append(svg("title", {}, `${where}: ${plural(p.count, "event")}`));
    mark.addEventListener("click", () => togglePlace(p.key));
    mark.addEventListener("keydown", (ev) => { if (ev.key === "Enter") togglePlace(p.key); });
    box.append(mark);
    const label = at.level === "place" ? placeName(p) : p.place || at.name;
    const before = cx + r + 4 + 6.5 * label.length > width;  // a label that would leave the map goes on the left
    box.append(svg("text", { class: at.level === "place" ? "place-label" : "place-label country-label",
      x: before ? cx - r - 4 : cx + r + 4, y: cy + 4, "text-anchor": before ? "end" : "start" }, label));
  }
}

// The visible longitudes and latitudes around the points, kept in proportion, and the functions from degrees to px.
function mapFrame(points, width, height) {
  let [west, east, south, north] = [-180, 180, -90, 90];
  if (points.length) {
    const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
    [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const midLon = (west + east) / 2, midLat = (south + north) / 2;
    let spanLon = Math.max(east - west, 16) * 1.4, spanLat = Math.max(north - south, 8) * 1.4;
    if (spanLon / spanLat < width / height) spanLon = spanLat * width / height;
    else spanLat = spanLon * height / width;
    spanLon = Math.min(spanLon, 360); spanLat = Math.min(spanLat, 180);
    west = Math.min(Math.max(midLon - spanLon / 2, -180), 180 - spanLon); east = west + spanLon;
    south = Math.min(Math.max(midLat - spanLat / 2, -90), 90 - spanLat); north = south + spanLat;
  }
  const k = Math.min(width / (east - west), height / (north - south));
  const left = (width - k * (east - west)) / 2, top = (height - k * (north - south)) / 2;
  return { west, east, south, north, k, x: (lon) => left + (lon - west) * k, y: (lat) => top + (north - lat) * k };
}

function drawGrid(box, { west, east, south, north, k, x, y }) {
  box.append(svg("rect", { class: "sea", x: x(west), y: y(north), width: k * (east - west), height: k * (north - south) }));
  const step = [1, 2, 5, 10, 15, 30, 45].find((s) => s * k >= 45) || 90;  // grid lines 45 px apart or more
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {  // labels only inside the frame
    box.append(svg("line", { class: lon === 0 ? "grid axis" : "grid", x1: x(lon), x2: x(lon), y1: y(north), y2: y(south) }));
    if (lon > west && x(lon) + 34 < x(east)) {
      box.append(svg("text", { class: "grid-label", x: x(lon) + 2, y: y(south) - 3 },
        `${Math.abs(lon)}°${lon < 0 ? "W" : lon > 0 ? "E" : ""}`));
    }
  }
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    box.append(svg("line", { class: lat === 0 ? "grid axis" : "grid", x1: x(west), x2: x(east), y1: y(lat), y2: y(lat) }));
    if (lat < north && y(lat) + 14 < y(south)) {
      box.append(svg("text", { class: "grid-label", x: x(west) + 2, y: y(lat) - 2 },
        `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`));
    }
  }
}

function dayOf(date) {
  if (!date || date.startsWith("--")) return null;
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

function drawTimeline(events) {
  const box = $("timeline");
  const width = Math.max(box.clientWidth || 700, 400), lane = 36, left = 130, undatedW = 60, top = 8;
  const height = top + 4 * lane + 22, right = width - undatedW - 8;
  box.setAttribute("viewBox", `0 0 ${width} ${height}`);
  box.replaceChildren();
  const days = events.map((e) => dayOf(e.date)).filter((d) => d !== null);
  const pad = 10 * 86400000;
  const first = (days.length ? Math.min(...days) : Date.now()) - pad;
  const last = (days.length ? Math.max(...days) : Date.now()) + pad;
  const x = (t) => left + (right - left) * (t - first) / (last - first);
  for (let q = 1; q <= 4; q++) {
    const y = top + (q - 1) * lane;
    box.append(svg("rect", { class: "lane", x: left, y, width: width - left - 4, height: lane - 4 }));
    box.append(svg("text", { class: "lane-label", x: 4, y: y + lane / 2 + 2 }, QUAD_NAMES[q]));
  }
  drawTicks(box, timeTicks(first, last, right - left), x, 6, top + 4 * lane + 12);
  box.append(svg("text", { class: "tick-label", x: right + undatedW / 2, y: top + 4 * lane + 12 }, "undated"));
  const stacked = new Map();
  for (const e of events) {
    const q = quadOf(e.type), t = dayOf(e.date);
    const at = Math.round(t === null ? right + undatedW / 2 : x(t));
    const k = stacked.get(`${q}:${at}`) || 0;  // events of one day and class: three a column, columns side by side
    stacked.set(`${q}:${at}`, k + 1);
    const cx = at + Math.floor(k / 3) * 13, cy = top + (q - 1) * lane + (lane - 4) / 2 + [0, -11, 11][k % 3];
    const dot = svg("circle", { cx, cy, r: 6, class: `q${q}`, "data-id": e.id, tabindex: 0 });
    dot.append(svg("title", {}, `${readableDate(e.date)} ${e.type}: ${actorLabel(e.source)} → ${actorLabel(e.target)}`));
    dot.addEventListener("click", () => showEvent(e.id));
    dot.addEventListener("keydown", (ev) => { if (ev.key === "Enter") showEvent(e.id); });
    box.append(dot);
  }
}

function monthStart(index) { return Date.UTC(Math.floor(index / 12), index % 12, 1); }

// Tick times and labels between first and last (ms), thinned so that labels do not touch in `pixels`.
function timeTicks(first, last, pixels) {
  const perMonth = pixels / Math.max((last - first) / (30.44 * 86400000), 1);
  const step = TICK_STEPS.find((s) => s * perMonth >= (s < 12 ? MONTH_LABEL_PX : YEAR_LABEL_PX)) ||
    TICK_STEPS[TICK_STEPS.length - 1];
  const start = new Date(first);
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0);
  index += (step - index % step) % step;  // on multiples of the step: every January, every 5th year, ...
  const out = [];
  for (; monthStart(index) <= last; index += step) {
    const year = Math.floor(index / 12);
    out.push({ t: monthStart(index), label: step < 12 ? `${MONTHS[index % 12]} ${year}` : String(year) });
  }
  return out;
}

function drawTicks(box, ticks, x, top, y) {
  for (const { t, label } of ticks) {
    box.append(svg("line", { class: "tick", x1: x(t), x2: x(t), y1: top, y2: y - 10 }));
    box.append(svg("text", { class: "tick-label", x: x(t), y }, label));
  }
}

// ------------------------------------------------------------ warming or cooling

function monthTitle(month, quads) {
  const [year, m] = month.split("-");
  return `${MONTHS[+m - 1]} ${year}: ` + quads.map((n, i) => `${n} ${QUAD_NAMES[i + 1]}`).join(", ");
}

// Real events per month (GET /api/trend, the dossier's query): cooperation stacked above the line, conflict below.
function drawTrend(trend) {
  const box = $("trend");
  const width = Math.max(box.clientWidth || 700, 400), height = 170, left = 130, right = width - 8, top = 8;
  const bottom = height - 22;
  box.setAttribute("viewBox", `0 0 ${width} ${height}`);
  box.replaceChildren();
  const months = trend ? trend.months : [];
  const without = trend ? trend.without_month : 0;
  $("trend-readout").textContent = months.length
    ? `Hover or focus a month for its counts.${without ? ` ${plural(without, "event")} without a month not shown.` : ""}`
    : "No event of this choice is dated to a month.";
  if (!months.length) return;
  const index = (month) => { const [y, m] = month.split("-").map(Number); return y * 12 + m - 1; };
  const first = index(months[0].month), last = index(months[months.length - 1].month);
  const slot = (right - left) / (last - first + 1);
  const up = Math.max(1, ...months.map((m) => m.quads[0] + m.quads[1]));
  const down = Math.max(0, ...months.map((m) => m.quads[2] + m.quads[3]));
  const scale = (bottom - top) / (up + down), axis = top + up * scale;
  const xOfIndex = (i) => left + (i - first + 0.5) * slot;
  const xOfTime = (t) => { const d = new Date(t); return xOfIndex(d.getUTCFullYear() * 12 + d.getUTCMonth()); };
  box.append(svg("text", { class: "lane-label", x: 4, y: top + 10 }, `cooperation ↑ ${up}`));
  box.append(svg("text", { class: "lane-label", x: 4, y: bottom }, `conflict ↓ ${down}`));
  drawTicks(box, timeTicks(monthStart(first), monthStart(last), right - left), xOfTime, top, height - 6);
  box.append(svg("line", { class: "axis", x1: left, x2: right, y1: axis, y2: axis }));
  const bar = Math.max(Math.min(slot * 0.8, 24), 3);
  for (const m of months) {
    const cx = xOfIndex(index(m.month)), [q1, q2, q3, q4] = m.quads;
    const g = svg("g", { class: "month", "data-month": m.month, "data-quads": m.quads.join(","), tabindex: 0 });
    g.append(svg("title", {}, monthTitle(m.month, m.quads)));
    g.append(svg("rect", { class: "hit", x: cx - slot / 2, y: top, width: slot, height: bottom - top }));
    for (const [q, y, n] of [[1, axis - q1 * scale, q1], [2, axis - (q1 + q2) * scale, q2], [3, axis, q3],
      [4, axis + q3 * scale, q4]]) {
      if (n) g.append(svg("rect", { class: `q${q}`, x: cx - bar / 2, y, width: bar, height: n * scale }));
    }
    const show = () => { $("trend-readout").textContent = monthTitle(m.month, m.quads); };
    g.addEventListener("mouseenter", show);
    g.addEventListener("focus", show);
    box.append(g);
  }
}

function fillEvents(events) {
  $("event-count").textContent = `(${events.length})`;
  const rows = events.map((e) => {
    const type = el("span", { className: `type q${quadOf(e.type)}`, text: e.mode ? `${e.type} · ${e.mode}` : e.type });
    const row = el("tr", { className: "event-row", "data-id": e.id },
      el("td", { className: "date", text: e.date ? readableDate(e.date) : "–" }), el("td", {}, type),
      el("td", { text: actorLabel(e.source) }),
      el("td", { text: actorLabel(e.target) }), el("td", { className: "evidence", text: e.evidence || "" }));
    row.addEventListener("click", () => showEvent(e.id));
    return row;
  });
  $("events").tBodies[0].replaceChildren(...rows);
}

function formatValue(f) {
  const n = Number(f.value);
  return `${Number.isFinite(n) ? n.toLocaleString("en") : f.value} ${f.unit} (${f.qualifier})`;
}

function fillFacts(facts) {
  $("fact-count").textContent = `(${facts.length})`;
  const rows = facts.map((f) => {
    const value = el("td", { text: formatValue(f) });
    if (Array.isArray(f.conflict) && f.conflict.length) {
      value.append(el("div", { className: "conflict", text: `conflicts with ${f.conflict.length} other report(s)` }));
    }
    const row = el("tr", { className: "fact-row", "data-id": f.id },
      el("td", { text: f.metric || f.fact_type }), el("td", { text: `${f.holder || "?"} → ${f.counterpart || "?"}` }),
      value, el("td", { text: f.doc_id }), el("td", { className: "evidence", text: f.evidence || "" }));
    row.addEventListener("click", () => showFact(f));
    return row;
  });
  $("facts").tBodies[0].replaceChildren(...rows);
}

// ------------------------------------------------------------ the article with its evidence

function select(id) {
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`)) node.classList.add("selected");
}

async function showEvent(id) {
  select(id);
  const seq = state.seq;  // an answer for a pair no longer chosen is dropped
  try {
    const event = await api(`/api/events/${encodeURIComponent(id)}`);
    const article = await api(`/api/articles/${encodeURIComponent(event.id.split(":")[0])}`);
    if (seq !== state.seq) return;
    const roles = new Map();
    for (const [side, cls] of [[event.source, "actor-source"], [event.target, "actor-target"]]) {
      if (side && side.country && !roles.has(side.country)) roles.set(side.country, cls);
    }
    const mentions = [];
    for (const actor of article.actors) {
      if (!roles.has(actor.country)) continue;
      for (const m of actor.mentions) mentions.push({ start: m.start, end: m.end, cls: roles.get(actor.country) });
    }
    mentions.push({ start: event.trigger_span[0], end: event.trigger_span[1], cls: "trigger" });
    const where = event.location
      ? `  ·  in ${event.place ? event.place + ", " : ""}${event.location} (${HOW_NAMES[event.location_how] || "not known"})` : "";
    const line = `${readableDate(event.date)} ${event.type}${event.mode ? " (" + event.mode + ")" : ""}: ` +
      `${actorLabel(event.source)} → ${actorLabel(event.target)}${where}  ·  rule ${event.rule}, confidence ${event.confidence}`;
    showArticle(article, event.evidence_span, mentions, line);
  } catch (err) { status(err.message); }
}

async function showFact(f) {
  select(f.id);
  const seq = state.seq;
  try {
    const article = await api(`/api/articles/${encodeURIComponent(f.id.split(":")[0])}`);
    if (seq !== state.seq) return;
    const line = `${f.metric || f.fact_type}: ${f.holder || "?"} → ${f.counterpart || "?"} ${formatValue(f)}`;
    showArticle(article, f.evidence_span, [{ start: f.span[0], end: f.span[1], cls: "trigger" }], line);
  } catch (err) { status(err.message); }
}

// The article panel as it is before anything is clicked.
function clearArticle() {
  $("article-title").textContent = "Article";
  $("article-meta").replaceChildren("Click an event or a figure to read the article it comes from.");
  $("article-event").textContent = "";
  $("article-text").replaceChildren();
}

function showArticle(article, evidence, inline, line) {
  $("article-title").textContent = article.title || article.doc_id;
  const meta = $("article-meta");
  meta.replaceChildren(`${article.doc_id} · ${article.source || "unknown source"} · ${readableDate(article.published)}`);
  if (article.url && /^https?:\/\//i.test(article.url)) {
    meta.append(" · ", el("a", { href: article.url, rel: "noopener noreferrer", target: "_blank", text: "original" }));
  }
  $("article-event").textContent = line;
  $("article-text").replaceChildren(...highlighted(article.text, evidence, inline));
  const mark = $("article-text").querySelector("mark.evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

// The text as nodes: the evidence [start, end) inside one <mark>, each inline span (actor mention, trigger)
// inside a <span>. Inline spans that overlap an earlier one are dropped.
function highlighted(text, evidence, inline) {
  const [evStart, evEnd] = evidence || [-1, -1];
  const spans = inline.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((p, q) => p.start - q.start || q.end - p.end)
    .filter((s, i, all) => i === 0 || s.start >= Math.max(...all.slice(0, i).map((o) => o.end)));
  const cuts = new Set([0, text.length, evStart, evEnd].filter((c) => c >= 0 && c <= text.length));
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((p, q) => p - q);
  const out = [];
  let mark = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const span = spans.find((s) => s.start <= from && to <= s.end);
    const node = span ? el("span", { className: span.cls, text: piece }) : document.createTextNode(piece);
    if (from >= evStart && to <= evEnd) {
      if (!mark) { mark = el("mark", { className: "evidence" }); out.push(mark); }
      mark.append(node);
    } else {
      out.push(node);
    }
  }
  return out;
}

// ------------------------------------------------------------ start

document.addEventListener("DOMContentLoaded", () => {
  $("country-a").addEventListener("change", () => { fillPartners($("country-b").value); loadRecords(); });
  $("country-b").addEventListener("change", loadRecords);
  $("pick").addEventListener("submit", (ev) => ev.preventDefault());
  $("place-clear").addEventListener("click", () => showPlace(null));
  window.addEventListener("resize", () => { drawTimeline(visibleEvents()); drawMap(state.places); drawTrend(state.trend); });
  loadCountries().catch((err) => status(err.message));
});
