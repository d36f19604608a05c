// The trading page: wires the DIFF client to the screen. Everything shown comes from the client's copy of the
// server's snapshot (quotes, klines and ticks with their charts, trade.<user>); the page itself keeps only the
// chosen instrument and kline duration.
import {DiffClient} from './diff-client.js';
import * as fmt from './format.js';

const CHART_ID = 'web_page_chart';
const CHART_BARS = 300;
const TAPE_CHART_ID = 'web_page_tape';
const TAPE_LENGTH = 20;
const MESSAGE_LENGTH = 50;
const LOGIN_FAILED = 3100;
const CST_OFFSET_S = 8 * 3600;

const $ = (id) => document.getElementById(id);

const page = {
  user: null,
  pendingLogin: null,
  symbol: null,
  durationNs: 60_000_000_000,
  snapshot: {},
  renderQueued: false,
  chart: null,
  candles: null,
  volumes: null,
  chartKey: '',
  bannerTimer: null,
  orderSeq: 0,
};

const client = new DiffClient(socketUrl(), {onData, onNotify, onStatus});

function socketUrl() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/trade';
}

// ---- connection and data -------------------------------------------------------------------------------------

function onStatus(status) {
  const badge = $('connection');
  badge.dataset.state = status.state;
  if (status.state === 'connecting') {
    badge.textContent = 'connecting…';
  } else if (status.state === 'open') {
    badge.textContent = 'connected';
    if (!page.symbol) {
      loadInstruments();
    }
    if (status.resynced) {
      showBanner('Reconnected: the page is resynced from the server.', true);
      addMessage('INFO', 'Reconnected; all data reloaded from the server.');
    } else {
      hideBanner();
    }
  } else {
    badge.textContent = 'disconnected';
    const why = status.reason ? ` (${status.reason})` : '';
    const text = `Connection lost${why}. Reconnecting in ${(status.delayMs / 1000).toFixed(1)} s`
      + ` (attempt ${status.attempt})…`;
    showBanner(text, false);
    if (page.pendingLogin) {
      // The login was not answered (the server closes a connection after too many failed logins): not retried.
      client.forgetLogin();
      page.pendingLogin = null;
      $('login-button').disabled = false;
      $('login-error').textContent = `The connection closed before the login was answered${why}; try again.`;
    }
    if (status.attempt === 1) {
      addMessage('ERROR', `Connection to the exchange lost${why}; reconnecting.`);
    }
  }
}

function onData(snapshot) {
  page.snapshot = snapshot;
  if (page.pendingLogin && tradeOf(snapshot, page.pendingLogin)?.session) {
    loggedIn(page.pendingLogin);
  }
  scheduleRender();
}

function onNotify(notify) {
  const level = typeof notify.level === 'string' ? notify.level : 'INFO';
  const content = typeof notify.content === 'string' ? notify.content : '';
  const code = fmt.finite(notify.code);
  addMessage(level, code ? `${content} (code ${code})` : content);
  if (level !== 'ERROR') {
    return;
  }
  const aboutLogin = code === LOGIN_FAILED || content.startsWith('req_login');
  if (aboutLogin && (page.pendingLogin || page.user)) {
    client.forgetLogin();
    page.pendingLogin = null;
    if (page.user) {
      loggedOut();
    }
    $('login-error').textContent = content.startsWith('req_login: user name or password is wrong')
      ? 'Wrong user name or password.' : content;
    $('login-button').disabled = false;
  } else if (!aboutLogin && !content.startsWith('set_chart') && !content.startsWith('subscribe_quote')) {
    $('order-error').textContent = content;
  }
}

function tradeOf(snapshot, user) {
  return snapshot.trade && user ? snapshot.trade[user] : undefined;
}

// ---- login ---------------------------------------------------------------------------------------------------

function loggedIn(user) {
  page.pendingLogin = null;
  page.user = user;
  $('login-panel').hidden = true;
  $('login-error').textContent = '';
  $('login-button').disabled = false;
  $('user-label').textContent = user;
  $('logout-button').hidden = false;
  document.title = `${user} · exchange-blocks`;
  scheduleRender();
}

function loggedOut() {
  page.user = null;
  $('login-panel').hidden = false;
  $('user-label').textContent = '';
  $('logout-button').hidden = true;
  document.title = 'exchange-blocks · trading';
  scheduleRender();
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  $('login-error').textContent = '';
  if (!user || !password) {
    $('login-error').textContent = 'Enter a user name and a password.';
    return;
  }
  page.pendingLogin = user;
  if (!client.requestLogin(user, password)) {
    $('login-error').textContent = 'Not connected to the exchange yet; the login is sent once it is.';
  }
  $('login-button').disabled = true;
});

$('logout-button').addEventListener('click', () => {
  client.forgetLogin();
  loggedOut();
  client.restart();
});

// ---- instruments, quotes and chart ---------------------------------------------------------------------------

async function loadInstruments() {
  let ids = [];
  try {
    const response = await fetch('/instruments');
    const body = await response.json();
    ids = Array.isArray(body.instruments) ? body.instruments.filter((id) => typeof id === 'string') : [];
  } catch (e) {
    addMessage('ERROR', 'Could not load the instrument list: ' + e.message);
  }
  const select = $('instrument');
  select.replaceChildren(...ids.map((id) => new Option(id, id)));
  const wanted = new URLSearchParams(location.search).get('instrument');
  selectInstrument(ids.includes(wanted) ? wanted : ids[0] || null);
  client.subscribeQuotes(ids.join(','));
}

function selectInstrument(symbol) {
  page.symbol = symbol;
  $('instrument').value = symbol || '';
  $('order-error').textContent = '';
  requestChart();
  scheduleRender();
}

function requestChart() {
  if (page.symbol) {
    client.setChart(CHART_ID, page.symbol, page.durationNs, CHART_BARS);
    client.setChart(TAPE_CHART_ID, page.symbol, 0, TAPE_LENGTH);
  }
  for (const button of $('durations').querySelectorAll('button')) {
    button.classList.toggle('active', Number(button.dataset.duration) === page.durationNs);
  }
  page.chartKey = '';
}

$('instrument').addEventListener('change', (event) => selectInstrument(event.target.value));

$('durations').addEventListener('click', (event) => {
  const duration = Number(event.target.dataset?.duration);
  if (Number.isFinite(duration) && duration > 0) {
    page.durationNs = duration;
    requestChart();
    scheduleRender();
  }
});

function quoteOf(symbol) {
  return page.snapshot.quotes && symbol ? page.snapshot.quotes[symbol] : undefined;
}

/** The price decimals of an instrument, from its quote; null while the quote has not arrived. */
function decimalsOf(symbol) {
  const decimals = fmt.finite(quoteOf(symbol)?.price_decs);
  return decimals === null ? null : decimals;
}

function ensureChart() {
  if (page.chart || typeof LightweightCharts === 'undefined') {
    return page.chart !== null;
  }
  const container = $('chart');
  page.chart = LightweightCharts.createChart(container, {
    autoSize: true,
    layout: {background: {color: '#171c26'}, textColor: '#d6dae3', attributionLogo: true},
    grid: {vertLines: {color: '#1e2430'}, horzLines: {color: '#1e2430'}},
    timeScale: {timeVisible: true, secondsVisible: false, borderColor: '#2a3140', rightOffset: 6, barSpacing: 12},
    rightPriceScale: {borderColor: '#2a3140'},
  });
  page.candles = page.chart.addCandlestickSeries({
    upColor: '#26a69a', downColor: '#ef5350', wickUpColor: '#26a69a', wickDownColor: '#ef5350', borderVisible: false,
  });
  page.volumes = page.chart.addHistogramSeries({priceScaleId: '', priceFormat: {type: 'volume'}, color: '#3a4458'});
  page.volumes.priceScale().applyOptions({scaleMargins: {top: 0.8, bottom: 0}});
  return true;
}

/**
 * The items of a chart's series inside the chart's window (charts.<id>.left_id..right_id), oldest first. Ids may
 * have gaps (a minute without trades has no bar).
 */
function windowItems(chartId, series) {
  const chart = page.snapshot.charts ? page.snapshot.charts[chartId] : undefined;
  if (!chart || !series || typeof series.data !== 'object' || series.data === null) {
    return [];
  }
  const left = fmt.finite(chart.left_id);
  const right = fmt.finite(chart.right_id);
  if (left === null || right === null || left < 0 || right < left) {
    return [];
  }
  return Object.keys(series.data).map(Number).filter((id) => id >= left && id <= right).sort((a, b) => a - b)
    .map((id) => series.data[id]).filter((item) => item !== null && typeof item === 'object');
}

/** The candles of the chart, in the chart library's form (time in seconds, shown in China Standard Time). */
function chartBars() {
  const bars = [];
  for (const bar of windowItems(CHART_ID, page.snapshot.klines?.[page.symbol]?.[String(page.durationNs)])) {
    const values = [bar.datetime, bar.open, bar.high, bar.low, bar.close].map(fmt.finite);
    if (values.includes(null)) {
      continue;
    }
    const [datetime, open, high, low, close] = values;
    bars.push({time: Math.floor(datetime / 1e9) + CST_OFFSET_S, open, high, low, close,
      volume: fmt.finite(bar.volume) ?? 0});
  }
  return bars;
}

function renderChart() {
  const bars = chartBars();
  const container = $('chart');
  container.dataset.bars = String(bars.length);
  const decimals = decimalsOf(page.symbol);
  const last = bars[bars.length - 1];
  $('chart-legend').textContent = last
    ? `O ${fmt.price(last.open, decimals)} · H ${fmt.price(last.high, decimals)} · L ${fmt.price(last.low, decimals)}`
      + ` · C ${fmt.price(last.close, decimals)} · V ${fmt.integer(last.volume)}`
    : 'no trades yet';
  if (!ensureChart()) {
    return;
  }
  const key = `${page.symbol}|${page.durationNs}|${decimals}`;
  if (key !== page.chartKey) {
    page.chartKey = key;
    const tick = fmt.finite(quoteOf(page.symbol)?.price_tick);
    page.candles.applyOptions({priceFormat: {type: 'price', precision: decimals ?? 2, minMove: tick ?? 0.01}});
  }
  page.candles.setData(bars.map(({time, open, high, low, close}) => ({time, open, high, low, close})));
  page.volumes.setData(bars.map(({time, volume, open, close}) => ({time, value: volume,
    color: close >= open ? 'rgba(38,166,154,0.5)' : 'rgba(239,83,80,0.5)'})));
}

// ---- rendering -----------------------------------------------------------------------------------------------

/** Renders once per frame at most; the timer renders windows that get no frames (hidden or in the background). */
function scheduleRender() {
  if (page.renderQueued) {
    return;
  }
  page.renderQueued = true;
  const run = () => {
    if (page.renderQueued) {
      page.renderQueued = false;
      render();
    }
  };
  requestAnimationFrame(run);
  setTimeout(run, 100);
}

function render() {
  renderQuote();
  renderLadder();
  renderTape();
  renderChart();
  const trade = tradeOf(page.snapshot, page.user) || {};
  renderAccount(trade.accounts ? trade.accounts.CNY : undefined);
  renderOrders(trade.orders || {});
  renderTrades(trade.trades || {});
  renderPositions(trade.positions || {});
  $('order-submit').disabled = !page.user || !page.symbol;
  const tick = fmt.finite(quoteOf(page.symbol)?.price_tick);
  $('order-price').placeholder = tick === null ? '' : `tick ${tick}`;
}

const shownRows = new Map();

/**
 * Replaces a table's rows only when what they show changed, so a row under the pointer (a Cancel button being
 * clicked) is not swapped out by an unrelated update.
 */
function showRows(tableId, rows) {
  const key = rows.map((row) => row.outerHTML).join('');
  if (shownRows.get(tableId) !== key) {
    shownRows.set(tableId, key);
    $(tableId).tBodies[0].replaceChildren(...rows);
  }
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function renderQuote() {
  const quote = quoteOf(page.symbol) || {};
  const decimals = decimalsOf(page.symbol);
  $('quote-last').textContent = fmt.price(quote.last_price, decimals);
  $('quote-volume').textContent = fmt.integer(quote.volume);
  $('quote-open').textContent = fmt.price(quote.open, decimals);
  $('quote-high').textContent = fmt.price(quote.highest, decimals);
  $('quote-low').textContent = fmt.price(quote.lowest, decimals);
  $('quote-oi').textContent = fmt.integer(quote.open_interest);
}

function renderLadder() {
  const quote = quoteOf(page.symbol) || {};
  const decimals = decimalsOf(page.symbol);
  const levels = [];
  for (let level = 5; level >= 1; level--) {
    levels.push({side: 'ask', level, price: quote['ask_price' + level], volume: fmt.finite(quote['ask_volume' + level])});
  }
  for (let level = 1; level <= 5; level++) {
    levels.push({side: 'bid', level, price: quote['bid_price' + level], volume: fmt.finite(quote['bid_volume' + level])});
  }
  const largest = Math.max(1, ...levels.map((l) => l.volume || 0));
  const rows = [];
  for (const {side, level, price, volume} of levels) {
    const row = document.createElement('tr');
    row.className = side;
    row.dataset.side = side;
    row.dataset.level = String(level);
    const shown = fmt.finite(price) !== null && volume;
    const bid = cell(side === 'bid' && shown ? fmt.integer(volume) : '');
    const ask = cell(side === 'ask' && shown ? fmt.integer(volume) : '');
    const priceCell = cell(fmt.finite(price) !== null ? fmt.price(price, decimals) : fmt.NONE, 'price');
    priceCell.dataset.price = fmt.finite(price) !== null ? String(price) : '';
    if (shown) {
      const target = side === 'bid' ? bid : ask;
      target.className = side === 'bid' ? 'bar-bid' : 'bar-ask';
      target.style.setProperty('--w', `${Math.round(100 * volume / largest)}%`);
    }
    row.append(bid, priceCell, ask);
    rows.push(row);
    if (side === 'ask' && level === 1) {
      const last = document.createElement('tr');
      last.className = 'last';
      const td = cell(`last ${fmt.price(quote.last_price, decimals)}`);
      td.colSpan = 3;
      td.id = 'ladder-last';
      last.append(td);
      rows.push(last);
    }
  }
  showRows('ladder', rows);
}

$('ladder').addEventListener('click', (event) => {
  const price = event.target.dataset?.price;
  if (price) {
    $('order-price').value = price;
    $('order-price-type').value = 'LIMIT';
  }
});

/** The last trades, newest first, from the tick chart; a price is green or red as it rose or fell. */
function renderTape() {
  const decimals = decimalsOf(page.symbol);
  const ticks = windowItems(TAPE_CHART_ID, page.snapshot.ticks?.[page.symbol]);
  const rows = ticks.map((tick, index) => {
    const price = fmt.finite(tick.last_price);
    const previous = index > 0 ? fmt.finite(ticks[index - 1].last_price) : null;
    const move = price === null || previous === null || price === previous ? '' : price > previous ? 'up' : 'down';
    const row = document.createElement('tr');
    row.append(cell(fmt.timeOfNs(tick.datetime)), cell(fmt.price(price, decimals), move),
      cell(fmt.integer(tick.volume)));
    return row;
  }).reverse();
  showRows('tape', rows);
}

function renderAccount(account) {
  const a = account || {};
  $('account-balance').textContent = fmt.money(a.balance);
  $('account-available').textContent = fmt.money(a.available);
  $('account-margin').textContent = fmt.money(a.margin);
  $('account-frozen-margin').textContent = fmt.money(a.frozen_margin);
  $('account-float-profit').textContent = fmt.money(a.float_profit);
  $('account-close-profit').textContent = fmt.money(a.close_profit);
  $('account-commission').textContent = fmt.money(a.commission);
  $('account-risk-ratio').textContent = fmt.percent(a.risk_ratio);
}

function symbolOf(item) {
  return typeof item.exchange_id === 'string' && typeof item.instrument_id === 'string'
    ? `${item.exchange_id}.${item.instrument_id}` : '';
}

function byTimeDescending(field) {
  return (a, b) => (fmt.finite(b[field]) ?? 0) - (fmt.finite(a[field]) ?? 0);
}

function renderOrders(orders) {
  const rows = Object.values(orders).sort(byTimeDescending('insert_date_time')).map((order) => {
    const symbol = symbolOf(order);
    const decimals = decimalsOf(symbol);
    const row = document.createElement('tr');
    row.dataset.orderId = String(order.order_id);
    row.dataset.status = String(order.status);
    const limit = order.price_type === 'ANY' ? 'MARKET' : 'LIMIT';
    const timeInForce = order.volume_condition === 'ALL' ? 'FOK' : fmt.text(order.time_condition);
    row.append(cell(fmt.timeOfNs(order.insert_date_time)), cell(fmt.text(order.order_id), 'text'),
      cell(fmt.text(symbol), 'text'), cell(fmt.text(order.direction), `text ${order.direction}`),
      cell(fmt.text(order.offset), 'text'), cell(`${limit} ${timeInForce}`, 'text'),
      cell(fmt.price(order.limit_price, decimals)), cell(fmt.integer(order.volume_orign)),
      cell(fmt.integer(order.volume_left)), cell(fmt.text(order.status), 'text'),
      cell(fmt.text(order.last_msg), 'text'));
    const action = document.createElement('td');
    if (order.status === 'ALIVE') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cancel';
      button.textContent = 'Cancel';
      button.dataset.cancel = String(order.order_id);
      action.append(button);
    }
    row.append(action);
    return row;
  });
  showRows('orders', rows);
}

$('orders').addEventListener('click', (event) => {
  const orderId = event.target.dataset?.cancel;
  if (orderId && page.user) {
    $('order-error').textContent = '';
    client.send({aid: 'cancel_order', user_id: page.user, order_id: orderId});
  }
});

function renderTrades(trades) {
  const rows = Object.values(trades).sort(byTimeDescending('trade_date_time')).map((trade) => {
    const symbol = symbolOf(trade);
    const row = document.createElement('tr');
    row.dataset.orderId = String(trade.order_id);
    row.append(cell(fmt.timeOfNs(trade.trade_date_time)), cell(fmt.text(trade.order_id), 'text'),
      cell(fmt.text(symbol), 'text'), cell(fmt.text(trade.direction), `text ${trade.direction}`),
      cell(fmt.text(trade.offset), 'text'), cell(fmt.price(trade.price, decimalsOf(symbol))),
      cell(fmt.integer(trade.volume)), cell(fmt.money(trade.commission)));
    return row;
  });
  showRows('trades', rows);
}

function renderPositions(positions) {
  const rows = [];
  for (const symbol of Object.keys(positions).sort()) {
    const position = positions[symbol];
    const longVolume = fmt.finite(position.volume_long) ?? 0;
    const shortVolume = fmt.finite(position.volume_short) ?? 0;
    if (longVolume === 0 && shortVolume === 0) {
      continue;
    }
    const decimals = decimalsOf(symbol);
    const row = document.createElement('tr');
    row.dataset.instrument = symbol;
    row.append(cell(symbol), cell(fmt.integer(longVolume)), cell(fmt.price(position.open_price_long, decimals)),
      cell(fmt.integer(shortVolume)), cell(fmt.price(position.open_price_short, decimals)),
      cell(fmt.price(position.last_price, decimals)), cell(fmt.money(position.float_profit)),
      cell(fmt.money(position.margin)));
    rows.push(row);
  }
  showRows('positions', rows);
}

// ---- order entry ---------------------------------------------------------------------------------------------

$('order-price-type').addEventListener('change', (event) => {
  const market = event.target.value === 'ANY';
  $('order-price').disabled = market;
  if (market && ($('order-time').value === 'GFD' || $('order-time').value === 'GTC')) {
    $('order-time').value = 'IOC';
  }
});

$('order-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const error = $('order-error');
  error.textContent = '';
  if (!page.user || !page.symbol) {
    error.textContent = 'Log in and pick an instrument first.';
    return;
  }
  const priceType = $('order-price-type').value;
  const volume = Number($('order-volume').value);
  if (!Number.isInteger(volume) || volume < 1) {
    error.textContent = 'Volume: enter a whole number of lots, at least 1.';
    return;
  }
  const priceText = $('order-price').value.trim().replaceAll(',', '');
  if (priceType === 'LIMIT' && !/^\d+(\.\d+)?$/.test(priceText)) {
    error.textContent = 'Price: enter a positive limit price, e.g. 70000 or 4012.4.';
    return;
  }
  const dot = page.symbol.indexOf('.');
  const time = $('order-time').value;
  const order = {
    aid: 'insert_order',
    user_id: page.user,
    order_id: `web_${Date.now().toString(36)}_${++page.orderSeq}`,
    exchange_id: page.symbol.substring(0, dot),
    instrument_id: page.symbol.substring(dot + 1),
    direction: document.querySelector('input[name="direction"]:checked').value,
    offset: $('order-offset').value,
    volume,
    price_type: priceType,
    time_condition: time === 'FOK' ? 'IOC' : time,
    volume_condition: time === 'FOK' ? 'ALL' : 'ANY',
  };
  if (priceType === 'LIMIT') {
    order.limit_price = Number(priceText);
  }
  if (!client.send(order)) {
    error.textContent = 'Not connected to the exchange: the order was not sent.';
  }
});

// ---- messages ------------------------------------------------------------------------------------------------

function addMessage(level, text) {
  const item = document.createElement('li');
  item.className = level;
  item.textContent = `${fmt.timeOfNs(Date.now() * 1e6)} ${level} ${text}`;
  const list = $('messages');
  list.prepend(item);
  while (list.children.length > MESSAGE_LENGTH) {
    list.lastElementChild.remove();
  }
}

function showBanner(text, ok) {
  const banner = $('banner');
  clearTimeout(page.bannerTimer);
  banner.textContent = text;
  banner.className = ok ? 'ok' : '';
  banner.hidden = false;
  if (ok) {
    page.bannerTimer = setTimeout(hideBanner, 5000);
  }
}

function hideBanner() {
  $('banner').hidden = true;
}

client.start();
render();
