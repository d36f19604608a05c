// A small DIFF client: one WebSocket to /trade, peek_message after every rtn_data, every patch applied with
// TqSdk's merge rules to a plain-object copy of the server's snapshot, and a reconnect with back-off that starts
// the copy afresh (a full resync) and replays the session: login, quote subscription, chart.

/** True for a JSON object (not an array, not null). */
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Applies one DIFF patch (RFC 7396 JSON Merge Patch, as TqSdk applies it) to `target` in place: null deletes a
 * key, an object merges into the object already there (replacing a scalar), anything else (a scalar or an array)
 * replaces the value.
 */
export function applyPatch(target, patch) {
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) {
      delete target[key];
    } else if (isObject(value)) {
      if (!isObject(target[key])) {
        target[key] = {};
      }
      applyPatch(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** The delays between reconnect attempts: 0.5 s doubling up to 5 s. */
export function reconnectDelayMs(attempt) {
  return Math.min(5000, 500 * 2 ** Math.min(attempt, 10));
}

/**
 * One DIFF connection that keeps itself up. Callbacks: onData(snapshot) after each rtn_data;
 * onNotify(notify) for each new notification (objects with type, level, code, content); onStatus(status) with
 * {state: 'connecting'|'open'|'lost', attempt, delayMs, reason, resynced}.
 */
export class DiffClient {
  constructor(url, callbacks) {
    this.url = url;
    this.callbacks = callbacks;
    this.snapshot = {};
    this.login = null;
    this.quotes = '';
    this.charts = new Map();
    this.socket = null;
    this.attempt = 0;
    this.everOpened = false;
    this.freshConnection = false;
    this.stopped = false;
  }

  /** Opens the connection (and keeps reopening it until stop()). */
  start() {
    this.stopped = false;
    this.open();
  }

  /** Closes the connection for good. */
  stop() {
    this.stopped = true;
    if (this.socket) {
      this.socket.close(1000, 'page closed');
    }
  }

  /** Starts over on a new connection (a new, logged-out session unless credentials are kept). */
  restart() {
    this.stop();
    this.everOpened = false;
    this.attempt = 0;
    this.start();
  }

  open() {
    this.callbacks.onStatus({state: 'connecting', attempt: this.attempt});
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      const resynced = this.everOpened;
      this.everOpened = true;
      this.freshConnection = true;
      this.send({aid: 'peek_message'});
      if (this.login) {
        this.send(Object.assign({aid: 'req_login'}, this.login));
      }
      if (this.quotes) {
        this.send({aid: 'subscribe_quote', ins_list: this.quotes});
      }
      for (const chart of this.charts.values()) {
        this.send(chart);
      }
      this.callbacks.onStatus({state: 'open', resynced});
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      if (this.stopped) {
        return;
      }
      const delayMs = reconnectDelayMs(this.attempt);
      this.callbacks.onStatus({state: 'lost', attempt: this.attempt + 1, delayMs, reason: event.reason || ''});
      this.attempt++;
      setTimeout(() => {
        if (!this.stopped) {
          this.open();
        }
      }, delayMs);
    };
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (message.aid !== 'rtn_data' || !Array.isArray(message.data)) {
      return;
    }
    if (this.freshConnection) {
      // The first answer of a new connection: the server starts this session from nothing, so does the copy.
      this.freshConnection = false;
      this.attempt = 0;
      this.snapshot = {};
    }
    for (const patch of message.data) {
      if (!isObject(patch)) {
        continue;
      }
      applyPatch(this.snapshot, patch);
      if (isObject(patch.notify)) {
        for (const notify of Object.values(patch.notify)) {
          if (isObject(notify)) {
            this.callbacks.onNotify(notify);
          }
        }
      }
    }
    this.callbacks.onData(this.snapshot);
    this.send({aid: 'peek_message'});
  }

  /** Sends a message now; false if the connection is not open (the message is dropped). */
  send(message) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Logs in; the credentials are kept in memory to log in again after a reconnect. */
  requestLogin(userName, password) {
    this.login = {bid: 'exchange-blocks', user_name: userName, password};
    return this.send(Object.assign({aid: 'req_login'}, this.login));
  }

  /** Forgets the credentials (after a refused login, so a reconnect does not retry them). */
  forgetLogin() {
    this.login = null;
  }

  /** Subscribes to quotes (replaces the list; a comma-separated string of EXCHANGE.code ids). */
  subscribeQuotes(insList) {
    this.quotes = insList;
    return this.send({aid: 'subscribe_quote', ins_list: insList});
  }

  /** Asks for (or, with an empty insList, drops) the chart `chartId`; replayed after a reconnect. */
  setChart(chartId, insList, durationNs, viewWidth) {
    const message = {aid: 'set_chart', chart_id: chartId, ins_list: insList, duration: durationNs,
      view_width: viewWidth};
    if (insList) {
      this.charts.set(chartId, message);
    } else {
      this.charts.delete(chartId);
    }
    return this.send(message);
  }
}
