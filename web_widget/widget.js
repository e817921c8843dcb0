/*
 * Safe chat widget: one script tag on a council's page.
 *   <script src="https://HOST/widget.js" data-area="hackney" data-locale="en"
 *           data-exit-url="https://www.bbc.co.uk/weather" async></script>
 * Plain JavaScript, no third-party requests, no inline script or style, nothing in
 * localStorage or cookies. The 999 line, the helpline and the Exit button are in this
 * file, so they show even when the server is down.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[src*='widget.js']");
  var data = (script && script.dataset) || {};
  var origin = script ? new URL(script.src, location.href).origin : location.origin;
  var options = {
    area: data.area || null,
    locale: data.locale || "en",
    exitUrl: data.exitUrl || "https://www.bbc.co.uk/weather",
    label: data.launcherLabel || "Talk to us in confidence",
    open: data.open === "true"
  };
  var STORAGE_KEY = "safe-chat-conversation";
  var text = {
    exit: "Exit this page",
    exitHint: "Leave this page quickly",
    shiftPrompt: function (left) { return "Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit."; },
    escapePrompt: "Escape, press 1 more time to exit.",
    title: "Confidential chat",
    close: "Close chat",
    safety: "In danger now? Call 999. Can't speak? Dial 999 then press 55.",
    urgent: "If you are in danger now, call 999. If you can't speak, dial 999 then press 55. National Domestic Abuse Helpline, free, 24 hours: 0808 2000 247.",
    placeholder: "Type what is happening…",
    send: "Send",
    restart: "Start again",
    typing: "Typing…",
    failed: "Sorry, the chat is not working right now. If you are in danger, call 999. National Domestic Abuse Helpline, free, 24 hours: 0808 2000 247.",
    busy: "The chat is busy. Please call 0808 2000 247 (free, 24 hours), or 999 in an emergency.",
    safelyTitle: "Using this safely",
    safely: "This chat does not ask for your name and forgets the conversation when you press Exit or close the tab. If someone checks your phone, use a private or incognito window and clear your browsing history afterwards.",
    openNow: "Open now",
    closed: "Closed now",
    call: "Call",
    textUs: "Text",
    website: "Website"
  };

  var conversationId = sessionStorage.getItem(STORAGE_KEY);
  var els = {};

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content; // always text, never HTML
    return node;
  }

  // ---- Quick exit -------------------------------------------------------
  function exitPage() {
    var cover = el("div", "scw-cover");
    document.body.appendChild(cover);
    document.title = "";
    if (els.log) els.log.textContent = "";
    if (conversationId) {
      try {
        fetch(origin + "/api/conversations/" + encodeURIComponent(conversationId), {
          method: "DELETE", keepalive: true, referrerPolicy: "no-referrer", credentials: "omit"
        }).catch(function () {});
      } catch (e) { /* leaving matters more */ }
    }
    conversationId = null;
    sessionStorage.removeItem(STORAGE_KEY);
    location.replace(options.exitUrl);
  }

  var shiftPresses = 0, shiftTimer = null, escapePresses = 0, escapeTimer = null;
  function onKey(event) {
    if (event.key === "Shift" && !event.repeat) {
      shiftPresses += 1;
      clearTimeout(shiftTimer);
      shiftTimer = setTimeout(function () { shiftPresses = 0; }, 5000);
      if (shiftPresses >= 3) return exitPage();
      announce(text.shiftPrompt(3 - shiftPresses));
    } else if (event.key === "Escape" && !event.repeat) {
      escapePresses += 1;
      clearTimeout(escapeTimer);
      escapeTimer = setTimeout(function () { escapePresses = 0; }, 2000);
      if (escapePresses >= 2) return exitPage();
      announce(text.escapePrompt);
    } else {
      shiftPresses = 0;
      escapePresses = 0;
    }
  }

  function announce(message) {
    els.announcer.textContent = "";
    setTimeout(function () { els.announcer.textContent = message; }, 50);
  }

  // ---- Chat -------------------------------------------------------------
  function addMessage(who, message) {
    var item = el("li", "scw-msg scw-msg--" + who, message);
    els.log.appendChild(item);
    els.log.scrollTop = els.log.scrollHeight;
    return item;
  }

  function addButtons(buttons) {
    if (!buttons || !buttons.length) return;
    var row = el("li", "scw-buttons");
    buttons.forEach(function (b) {
      var button = el("button", "scw-choice", b.title);
      button.type = "button";
      button.addEventListener("click", function () { send(b.payload, b.title); });
      row.appendChild(button);
    });
    els.log.appendChild(row);
  }

  function addService(service) {
    var card = el("li", "scw-service");
    card.appendChild(el("strong", "scw-service-name", service.name));
    if (service.hours) {
      var status = service.open_now === true ? text.openNow : service.open_now === false ? text.closed : "";
      card.appendChild(el("span", "scw-service-hours", service.hours + (status ? " · " + status : "")));
    }
    var links = el("span", "scw-service-links");
    if (service.phone) links.appendChild(link("tel:" + service.phone.replace(/\s+/g, ""), text.call + " " + service.phone));
    if (service.text) links.appendChild(link("sms:" + service.text.replace(/\s+/g, ""), text.textUs + " " + service.text));
    if (service.url && /^https:\/\//.test(service.url)) links.appendChild(link(service.url, text.website));
    card.appendChild(links);
    els.log.appendChild(card);
  }

  function link(href, label) {
    var a = el("a", "scw-link", label);
    a.href = href;
    a.rel = "noreferrer noopener";
    if (/^https:/.test(href)) a.target = "_blank";
    return a;
  }

  function setBusy(busy) {
    els.typing.hidden = !busy;
    els.input.disabled = busy;
    els.sendButton.disabled = busy;
  }

  function send(message, shown) {
    message = (message || "").trim();
    if (!message) return;
    addMessage("user", shown || message);
    setBusy(true);
    var body = { message: message, locale: options.locale };
    if (conversationId) body.conversation_id = conversationId;
    if (options.area) body.area = options.area;
    fetch(origin + "/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      referrerPolicy: "no-referrer"
    }).then(function (response) {
      if (response.status === 503) throw new Error("busy");
      if (!response.ok) throw new Error("failed");
      return response.json();
    }).then(function (reply) {
      conversationId = reply.conversation_id;
      sessionStorage.setItem(STORAGE_KEY, conversationId);
      els.urgent.hidden = !reply.urgent;
      reply.replies.forEach(function (r) { addMessage("bot", r.text); addButtons(r.buttons); });
      reply.services.forEach(addService);
    }).catch(function (error) {
      addMessage("bot", error.message === "busy" ? text.busy : text.failed);
    }).then(function () {
      setBusy(false);
      els.input.focus();
    });
  }

  function restart() {
    if (conversationId) {
      fetch(origin + "/api/conversations/" + encodeURIComponent(conversationId),
        { method: "DELETE", keepalive: true, credentials: "omit" }).catch(function () {});
    }
    conversationId = null;
    sessionStorage.removeItem(STORAGE_KEY);
    els.log.textContent = "";
    els.urgent.hidden = true;
    els.input.focus();
  }

  function setOpen(open) {
    els.panel.hidden = !open;
    els.launcher.setAttribute("aria-expanded", String(open));
    if (open) els.input.focus(); else els.launcher.focus();
  }

  // ---- Build ------------------------------------------------------------
  function build() {
    var root = el("div", "scw-root");
    root.lang = options.locale;

    var exit = el("button", "scw-exit", text.exit);
    exit.type = "button";
    exit.setAttribute("aria-label", text.exitHint);
    exit.addEventListener("click", exitPage);

    els.announcer = el("div", "scw-visually-hidden");
    els.announcer.setAttribute("role", "status");
    els.announcer.setAttribute("aria-live", "polite");

    els.launcher = el("button", "scw-launcher", options.label);
    els.launcher.type = "button";
    els.launcher.setAttribute("aria-controls", "scw-panel");
    els.launcher.setAttribute("aria-expanded", "false");
    els.launcher.addEventListener("click", function () { setOpen(els.panel.hidden); });

    els.panel = el("section", "scw-panel");
    els.panel.id = "scw-panel";
    els.panel.hidden = true;
    els.panel.setAttribute("aria-labelledby", "scw-title");

    var header = el("div", "scw-header");
    var title = el("h2", "scw-title", text.title);
    title.id = "scw-title";
    var close = el("button", "scw-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", text.close);
    close.addEventListener("click", function () { setOpen(false); });
    header.appendChild(title);
    header.appendChild(close);

    var safety = el("p", "scw-safety");
    safety.appendChild(link("tel:999", text.safety));

    els.urgent = el("p", "scw-urgent", text.urgent);
    els.urgent.setAttribute("role", "alert");
    els.urgent.hidden = true;

    els.log = el("ol", "scw-log");
    els.log.setAttribute("role", "log");
    els.log.setAttribute("aria-live", "polite");

    els.typing = el("p", "scw-typing", text.typing);
    els.typing.hidden = true;

    var form = el("form", "scw-form");
    els.input = el("textarea", "scw-input");
    els.input.rows = 2;
    els.input.maxLength = 2000;
    els.input.setAttribute("aria-label", text.placeholder);
    els.input.placeholder = text.placeholder;
    els.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
    els.sendButton = el("button", "scw-send", text.send);
    els.sendButton.type = "submit";
    form.appendChild(els.input);
    form.appendChild(els.sendButton);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var message = els.input.value;
      els.input.value = "";
      send(message);
    });

    var footer = el("div", "scw-footer");
    var restartButton = el("button", "scw-restart", text.restart);
    restartButton.type = "button";
    restartButton.addEventListener("click", restart);
    var details = el("details", "scw-safely");
    details.appendChild(el("summary", null, text.safelyTitle));
    details.appendChild(el("p", null, text.safely));
    footer.appendChild(restartButton);
    footer.appendChild(details);

    [header, safety, els.urgent, els.log, els.typing, form, footer].forEach(function (n) { els.panel.appendChild(n); });
    [exit, els.announcer, els.panel, els.launcher].forEach(function (n) { root.appendChild(n); });
    document.body.appendChild(root);
    document.addEventListener("keydown", onKey, true);
    if (options.open) setOpen(true);
  }

  // A page restored from the back/forward cache must not show the conversation again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && els.log) {
      els.log.textContent = "";
      conversationId = sessionStorage.getItem(STORAGE_KEY);
      var cover = document.querySelector(".scw-cover");
      if (cover) cover.remove();
    }
  });

  if (document.body) build(); else document.addEventListener("DOMContentLoaded", build);
})();
