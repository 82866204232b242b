// yishi room: the one script of every page. It keeps the page in step
// with the room (server-sent events, then the page's live part fetched
// again), ticks the console's clocks, sends the console's buttons without
// a reload, and keeps an outbox of a reviewer's or observer's changes in
// localStorage, so nothing typed on a phone is lost when Wi-Fi drops.
// No inline script anywhere: the pages' Content-Security-Policy forbids it.
(function () {
  "use strict";
  var body = document.body;
  var net = document.getElementById("net");
  var serverNow = Number(body.getAttribute("data-now")) || Date.now();
  var skew = serverNow - Date.now(); // room clock minus this phone's clock

  function word(name, n) {
    var w = net ? net.getAttribute("data-w-" + name) || "" : "";
    return w.replace("%d", String(n));
  }
  function newKey() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b); // crypto.randomUUID needs HTTPS
    var s = "";
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return s;
  }
  function showNet(text, bad) {
    if (!net) return;
    net.hidden = !text;
    net.textContent = text || "";
    net.className = bad ? "net bad" : "net";
  }

  // ---- clocks: elements with data-elapsed count on while data-running=1
  var renderedAt = Date.now();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fmt(ms) {
    var neg = ms < 0; if (neg) ms = -ms;
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    var out = h > 0 ? h + ":" + pad(m) + ":" + pad(s % 60) : Math.floor(s / 60) + ":" + pad(s % 60);
    return (neg ? "-" : "") + out;
  }
  function tick() {
    var els = document.querySelectorAll("[data-elapsed]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var ms = Number(el.getAttribute("data-elapsed"));
      if (el.getAttribute("data-running") === "1") ms += Date.now() - renderedAt;
      var t = el.querySelector(".t");
      if (t) t.textContent = fmt(ms);
      var planned = Number(el.getAttribute("data-planned"));
      if (planned > 0 && el.classList.contains("clock")) {
        el.classList.remove("light-green", "light-amber", "light-red");
        el.classList.add(ms > planned ? "light-red" : ms > planned - 60000 ? "light-amber" : "light-green");
      }
    }
  }
  setInterval(tick, 1000);

  // ---- live part: fetched again whenever the room says it changed
  var live = body.getAttribute("data-live");
  var liveEl = document.getElementById("live");
  var pending = null, deferred = false;
  // typing is whether the trainer is writing in the live part (a note):
  // it is not replaced under their fingers, but fetched once they leave it.
  function typing() {
    var a = document.activeElement;
    return a && liveEl.contains(a) && (a.tagName === "INPUT" || a.tagName === "TEXTAREA" || a.tagName === "SELECT");
  }
  if (liveEl) {
    liveEl.addEventListener("focusout", function (ev) {
      // Focus moving within one form (to its button, say) is still the
      // trainer at work: the refresh waits for the form's answer.
      var form = ev.target.form;
      if (form && ev.relatedTarget && form.contains(ev.relatedTarget)) return;
      if (deferred) { deferred = false; setTimeout(refresh, 0); }
    });
  }
  function refresh() {
    if (!live || !liveEl) return;
    if (pending) return;
    if (typing()) { deferred = true; return; }
    pending = setTimeout(function () {
      pending = null;
      fetch(live, { credentials: "same-origin", cache: "no-store" }).then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.text();
      }).then(function (html) {
        if (typing()) { deferred = true; return; }
        liveEl.innerHTML = html;
        renderedAt = Date.now();
        tick();
      }).catch(function () { setTimeout(refresh, 2000); });
    }, 150);
  }
  if (live && window.EventSource) {
    var first = true, wait = 1000;
    // connect opens the room's event stream. The browser reconnects by
    // itself after a dropped connection, but gives up for good on some
    // failures (an answer that is not a stream, a request the browser
    // refused): then a new stream is opened after a while.
    var connect = function () {
      var es = new EventSource("/events");
      es.addEventListener("open", function () {
        showNet("", false);
        wait = 1000;
        if (!first) refresh(); // catch up from the room after a reconnection
        first = false;
      });
      es.addEventListener("error", function () {
        showNet(word("offline"), true);
        if (es.readyState === 2) { // CLOSED
          first = false;
          setTimeout(connect, wait);
          wait = Math.min(wait * 2, 15000);
        }
      });
      es.addEventListener("log", refresh);
      es.addEventListener("room", refresh);
    };
    connect();
  }

  // ---- console buttons without a reload
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    // A form that cannot be undone asks first.
    var ask = form.getAttribute("data-confirm");
    if (ask && !window.confirm(ask)) { ev.preventDefault(); return; }
    if (!form.hasAttribute("data-async") || !window.fetch) return;
    ev.preventDefault();
    // A second click while the first is on its way does nothing; the
    // form's key is then made new, so that the next use of the same form
    // (the page not yet refreshed) is a new command, not a repeat.
    if (form.getAttribute("data-busy")) return;
    form.setAttribute("data-busy", "1");
    var data = new URLSearchParams(new FormData(form));
    // The key is made new only after the room answered: a command whose
    // answer was lost is sent again with its key, and acts once.
    var done = function (answered) {
      form.removeAttribute("data-busy");
      var k = form.querySelector("input[name=key]");
      if (k && answered) k.value = newKey();
    };
    fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Yishi-Async": "1" }
    }).then(function (res) {
      done(true);
      if (res.status === 204) {
        showNet("", false);
        form.reset();
        if (form.contains(document.activeElement)) document.activeElement.blur();
        refresh();
        return;
      }
      return res.text().then(function (t) { showNet(t, true); refresh(); });
    }).catch(function () { done(false); showNet(word("offline"), true); });
  });

  // ---- the outbox
  var main = document.querySelector("main[data-outbox]");
  if (!main) return;
  var kind = main.getAttribute("data-outbox"); // "scores" or "log"
  var round = Number(main.getAttribute("data-round"));
  var group = Number(main.getAttribute("data-group"));
  // The outbox is the person's, not the browser's: a phone handed to
  // another reviewer keeps the first one's changes for them, under their
  // name, and never sends them as the second's.
  var who = main.getAttribute("data-who") || "";
  var store = "yishi.outbox." + kind + "." + who;
  var url = kind === "scores" ? "/api/scores" : "/api/log";
  var status = document.getElementById("status");

  function load() {
    try { return JSON.parse(localStorage.getItem(store) || "[]"); } catch (e) { return []; }
  }
  function save(q) { localStorage.setItem(store, JSON.stringify(q)); }
  function say(text, bad) {
    if (!status) return;
    status.textContent = text;
    status.className = bad ? "status bad" : "status";
  }
  function push(change) {
    change.key = newKey();
    change.who = who;
    var q = load();
    q.push(change);
    save(q);
    flush();
  }

  var inflight = false, delay = 1000, timer = null, most = 100;
  // batchOf is the first changes of the queue, at most most of them and
  // about 256 kB of JSON, and always at least one.
  function batchOf(q) {
    var out = [], size = 0;
    for (var i = 0; i < q.length && out.length < most; i++) {
      size += JSON.stringify(q[i]).length;
      if (out.length > 0 && size > 256000) break;
      out.push(q[i]);
    }
    return out;
  }
  function flush() {
    if (inflight) return;
    var q = load();
    if (q.length === 0) { say(word("saved"), false); return; }
    inflight = true;
    say(word("saving"), false);
    var batch = batchOf(q);
    var payload = kind === "scores" ? { changes: batch } : { taps: batch };
    fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload)
    }).then(function (res) {
      if (res.status === 401 || res.status === 403) throw { stop: "revoked" };
      if (res.status === 409) throw { stop: "other_person" };
      if (res.status === 400 || res.status === 413) throw { refused: true };
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    }).then(function (ans) {
      var done = {};
      (ans.applied || []).forEach(function (k) { done[k] = true; });
      (ans.rejected || []).forEach(function (r) { done[r.key] = true; });
      save(load().filter(function (c) { return !done[c.key]; }));
      inflight = false;
      delay = 1000;
      most = 100;
      if (ans.rejected && ans.rejected.length) say(ans.rejected[0].error, true);
      if (load().length) flush(); else if (!(ans.rejected && ans.rejected.length)) say(word("saved"), false);
    }).catch(function (err) {
      inflight = false;
      if (err && err.stop) { say(word(err.stop), true); return; }
      if (err && err.refused) {
        // The room cannot read the batch: send fewer at a time; a single
        // change it cannot read is dropped, so the rest can go.
        if (batch.length > 1) { most = Math.max(1, Math.floor(batch.length / 2)); flush(); return; }
        save(load().filter(function (c) { return c.key !== batch[0].key; }));
        most = 100;
        say(word("dropped"), true);
        if (load().length) flush();
        return;
      }
      var n = load().length;
      say(word(n === 1 ? "unsaved_one" : "unsaved", n), true);
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  window.addEventListener("online", function () { delay = 1000; flush(); });

  if (kind === "scores") {
    var waits = {};
    main.addEventListener("change", function (ev) {
      var f = ev.target.getAttribute("data-field");
      if (f && ev.target.type === "radio") push({ round: round, group: group, field: f, value: ev.target.value });
    });
    main.addEventListener("input", function (ev) {
      var el = ev.target, f = el.getAttribute("data-field");
      if (!f || el.tagName !== "TEXTAREA") return;
      clearTimeout(waits[f]);
      waits[f] = setTimeout(function () { delete waits[f]; push({ round: round, group: group, field: f, value: el.value }); }, 600);
    });
    // Text typed in the last moment before leaving is not lost; text
    // already in the outbox is not queued again.
    window.addEventListener("pagehide", function () {
      Object.keys(waits).forEach(function (f) {
        clearTimeout(waits[f]);
        delete waits[f];
        var el = main.querySelector('textarea[data-field="' + f + '"]');
        if (el) { var q = load(); q.push({ key: newKey(), who: who, round: round, group: group, field: f, value: el.value }); save(q); }
      });
    });
    // Changes still in the outbox are newer than the page the room sent:
    // show them, so that a reload while offline does not seem to lose them.
    load().forEach(function (c) {
      if (c.round !== round || c.group !== group) return;
      var els = main.querySelectorAll("[data-field]");
      for (var i = 0; i < els.length; i++) {
        var el = els[i];
        if (el.getAttribute("data-field") !== c.field) continue;
        if (el.type === "radio") el.checked = el.value === c.value;
        else el.value = c.value;
      }
    });
  } else {
    main.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-tap]");
      if (!b) return;
      var k = b.getAttribute("data-tap");
      if (k === "turn" || k === "silence") {
        var all = main.querySelectorAll("[data-tap=turn]");
        for (var i = 0; i < all.length; i++) all[i].classList.remove("speaking");
        if (k === "turn") b.classList.add("speaking");
      }
      push({ round: round, group: group, kind: k, member: b.getAttribute("data-member") || "", at: Date.now() + skew });
    });
  }
  flush();
})();
