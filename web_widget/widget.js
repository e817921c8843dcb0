/*
 * Safe chat widget: one script tag on a council's page (see docs/widget.md).
 *   <script src="https://HOST/widget.js" data-area="hackney" data-locale="en"
 *           data-exit-url="https://www.bbc.co.uk/weather" async></script>
 * Plain JavaScript, no third-party requests, no inline script or style (works under a
 * strict Content Security Policy), nothing in localStorage or cookies. The 999 line,
 * the 24-hour helplines and the Exit button are in this file, so they show even when
 * the server is down.
 */
(function () {
  "use strict";

  var doc = document;
  var html = doc.documentElement;
  if (html.classList.contains("scw-on")) return; // the script was included twice
  html.classList.add("scw-on");

  // ---- Words ---------------------------------------------------------------
  // Every string a person sees, by message id. The English text is the gettext msgid
  // (N_ marks it for `make i18n`); other languages come from the widget catalogue,
  // served by the gateway at /api/translations/<locale> (common/i18n, docs/translations.md).
  function N_(message) { return message; }
  var STRINGS = {
    en: {
      // i18n: core (quick exit)
      exit: N_("Exit this page"),
      // i18n: core (quick exit)
      exitPrefix: N_("Emergency"),
      // i18n: core (quick exit)
      shift2: N_("Shift, press 2 more times to exit."),
      // i18n: core (quick exit)
      shift1: N_("Shift, press 1 more time to exit."),
      // i18n: core (quick exit)
      escape1: N_("Escape, press 1 more time to exit."),
      // i18n: core (quick exit)
      expired: N_("Exit this page expired."),
      // i18n: core (quick exit)
      leaving: N_("Loading."),
      launcher: N_("Talk to us in confidence"),
      title: N_("Confidential chat"),
      close: N_("Close chat"),
      // i18n: core (999 line)
      sosAsk: N_("In danger now?"),
      // i18n: core (999 line)
      sosCall: N_("Call 999"),
      // i18n: core (999 line)
      sosSilent: N_("Can't speak? Dial 999 then press 55."),
      // i18n: core (999 line)
      urgentLine: N_("Free helpline, open 24 hours:"),
      welcome: N_("Hello. Tell me what is happening, in your own words. I won't ask for your name."),
      resumed: N_("Your conversation carries on from before. Choose “Start again” to begin a new one."),
      log: N_("Conversation"),
      you: N_("You said:"),
      bot: N_("Chat said:"),
      inputLabel: N_("Your message"),
      placeholder: N_("Type here…"),
      send: N_("Send"),
      typing: N_("Typing"),
      restart: N_("Start again"),
      restarted: N_("The conversation has been cleared."),
      // i18n: core (when the chat is down)
      failed: N_("Sorry, the chat is not working right now. If you are in danger, call 999. You can also call a free helpline, open 24 hours:"),
      // i18n: core (when the chat is busy)
      busy: N_("The chat is busy just now. Please try again in a minute, or call a free helpline, open 24 hours:"),
      // i18n: core (when the chat is busy; keep {seconds})
      busyFor: N_("The chat is busy just now. Please try again in {seconds} seconds, or call a free helpline, open 24 hours:"),
      // i18n: core (24-hour lines)
      helplines: N_("Free helplines, open 24 hours"),
      // i18n: core (24-hour lines)
      helplinesShort: N_("24-hour helplines"),
      // i18n: core (24-hour lines)
      england: N_("England: National Domestic Abuse Helpline"),
      // i18n: core (24-hour lines)
      wales: N_("Wales: Live Fear Free"),
      // i18n: core (24-hour lines)
      scotland: N_("Scotland: Domestic Abuse and Forced Marriage Helpline"),
      // i18n: core (24-hour lines)
      northernIreland: N_("Northern Ireland: Domestic and Sexual Abuse Helpline"),
      safelyTitle: N_("Using this safely"),
      safely1: N_("To leave at once, choose “Exit this page”, press Shift 3 times, or press Escape twice. The chat is cleared and this page is swapped for a weather page."),
      safely2: N_("The chat does not ask for your name. It forgets the conversation when you exit or close the tab."),
      safely3: N_("Your browser history still shows that you visited this council page. If someone checks your phone or computer, use a private (incognito) window, or delete this page from your history afterwards."),
      openNow: N_("Open now"),
      closedNow: N_("Closed now"),
      call: N_("Call"),
      text: N_("Text"),
      website: N_("Website"),
      webchat: N_("Web chat"),
      email: N_("Email"),
      bsl: N_("British Sign Language (BSL)"),
      app: N_("App"),
      referral: N_("Referral"),
      // i18n: core (beside each tap-to-call or tap-to-text link)
      history: N_("Calls and texts show in your phone's history."),
      newTab: N_("(opens in a new tab)"),
      language: N_("Language"),
      privacyTitle: N_("Privacy"),
      privacy1: N_("What you type goes to this council's chat service so it can point you to help. Names, phone numbers, email and street addresses and similar details are removed before a message is processed."),
      privacy2: N_("The conversation is deleted 30 minutes after your last message, or at once when you choose “Exit this page” or “Start again”."),
      privacy3: N_("No cookies, no record of your IP address, and no message text in the service's logs. The chat contacts no other website.")
    }
  };
  // The language menu: each language named in itself.
  var LANGUAGES = [["en", "English"], ["cy", "Cymraeg"], ["pl", "Polski"], ["ur", "اردو"],
    ["bn", "বাংলা"], ["pa", "ਪੰਜਾਬੀ"], ["ar", "العربية"], ["ro", "Română"], ["so", "Soomaali"]];
  var STRINGS_TIMEOUT_MS = 1500;
  var RTL = ["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];
  // The 24-hour lines, in the script so they show with the server down. Names are in STRINGS.
  var LINES = [
    ["england", "0808 2000 247"],
    ["wales", "0808 80 10 800"],
    ["scotland", "0800 027 1234"],
    ["northern-ireland", "0808 802 1414"]
  ];

  // ---- Options (data- attributes on the script tag) ------------------------
  // Each option: its attribute, the name it has in `options`, its default and its parser.
  // A parser returns null for a value it will not take (or no value): the default is used.
  // docs/widget.md and web_widget/README.md list exactly these, with these defaults
  // (tests/widget/test_widget_options_documented.py).
  var OPTIONS = [
    { attribute: "data-area", name: "area", default: null, parse: text },
    { attribute: "data-locale", name: "locale", default: "en", parse: localeCode },
    { attribute: "data-exit-url", name: "exitUrl", default: "https://www.bbc.co.uk/weather", parse: webUrl },
    { attribute: "data-launcher-label", name: "label", default: "Talk to us in confidence", parse: text },
    { attribute: "data-brand-colour", alias: "data-brand-color", name: "brand", default: "#1d3557", parse: brandColour },
    { attribute: "data-nation", name: "nation", default: "england", parse: text },
    { attribute: "data-open", name: "open", default: false, parse: flag }
  ];
  var script = doc.currentScript || doc.querySelector("script[src*='widget.js']");
  var base = new URL(script && script.src ? script.src : "widget.js", location.href);
  var API = base.origin;
  var t = STRINGS.en;
  var uiLang = "en"; // the language of the widget's own words, once its catalogue is in
  var options = {};
  OPTIONS.forEach(function (option) {
    var value = given(option.attribute);
    if (!value && option.alias) value = given(option.alias);
    value = option.parse(value, option);
    options[option.name] = value === null ? option.default : value;
  });
  var STORAGE_KEY = "scw-conversation";
  var TIMEOUT_MS = 15000;
  var PRESS_WINDOW_MS = 5000;

  function lang(code) { return code.toLowerCase().split(/[-_]/)[0]; }
  function isRtl(code) { return RTL.indexOf(lang(code || "")) >= 0; }

  // An attribute's value on the script tag, or null.
  function given(attribute) { return script ? script.getAttribute(attribute) : null; }

  function text(value) { return value || null; }
  function localeCode(value) { return (value || "").trim().replace("_", "-") || null; }
  // data-open and data-open="true" are on; anything else, or no attribute, is off.
  function flag(value) { return value === "true" || value === ""; }

  function webUrl(value) {
    if (!value) return null;
    try {
      var url = new URL(value, location.href);
      return /^https?:$/.test(url.protocol) ? url.href : null;
    } catch (ignored) { return null; }
  }

  // The brand colour carries white text and is text on white, so it needs 4.5:1 (WCAG 1.4.3).
  function brandColour(value, option) {
    if (!value) return null;
    var match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
    var hex = match && (match[1].length === 3 ? match[1].replace(/./g, "$&$&") : match[1]);
    var rgb = [0, 2, 4].map(function (i) {
      var c = parseInt((hex || "ffffff").substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    if (1.05 / (luminance + 0.05) >= 4.5) return "#" + hex;
    if (window.console) console.warn("widget.js: data-brand-colour " + value + " is not a #hex colour with 4.5:1 contrast against white; using " + option.default);
    return null;
  }

  // sessionStorage may be switched off; the chat still works without it.
  function stored() { try { return sessionStorage.getItem(STORAGE_KEY); } catch (ignored) { return null; } }
  function store(id) {
    try {
      if (id) sessionStorage.setItem(STORAGE_KEY, id); else sessionStorage.removeItem(STORAGE_KEY);
    } catch (ignored) { /* nothing to clear */ }
  }

  // ---- State ------------------------------------------------------------------
  var conversationId = stored();
  var generation = 0; // bumped whenever the conversation is forgotten; late replies are dropped
  var pending = null; // the message in flight (its AbortController), if any
  var exiting = false;
  var title = doc.title;
  var els = {};

  // ---- DOM helpers: text only, never HTML from anywhere ----------------------
  function el(tag, className, content) {
    var node = doc.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }

  function hiddenText(content) { return el("span", "scw-visually-hidden", content); }

  // Numbers (999, 0808 2000 247) always read left to right: inside right-to-left text the
  // groups of a phone number would otherwise be shown in reverse order.
  var NUMBER_RUN = /\+?\d[\d ]*\d|\d/g;
  function ltr(text) {
    var bdi = el("bdi", null, text);
    bdi.dir = "ltr";
    return bdi;
  }

  function appendText(parent, text) {
    var last = 0;
    text.replace(NUMBER_RUN, function (number, at) {
      if (at > last) parent.appendChild(doc.createTextNode(text.slice(last, at)));
      parent.appendChild(ltr(number));
      last = at + number.length;
    });
    if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
    return parent;
  }

  function link(href, label) {
    var a = el("a", "scw-link", label);
    a.href = href;
    a.rel = "noreferrer noopener";
    if (/^https:/.test(href)) {
      a.target = "_blank";
      append(a, doc.createTextNode(" "), hiddenText(t.newTab));
    }
    return a;
  }

  // A link whose words come before the "(opens in a new tab)" that link() may add.
  function linkWith(href, words) {
    var a = link(href, "");
    a.insertBefore(words, a.firstChild);
    return a;
  }

  function phoneLink(scheme, number, label) {
    return linkWith(scheme + ":" + number.replace(/[^\d+]/g, ""),
      appendText(doc.createDocumentFragment(), label));
  }

  // Calls and texts are not hidden: say so beside every tap-to-call or tap-to-text link.
  function historyNote() { return el("span", "scw-note", t.history); }

  function announce(message) {
    if (els.announcer) els.announcer.textContent = message;
  }

  // ---- Quick exit -------------------------------------------------------------
  function exitPage(event) {
    if (event && event.preventDefault) event.preventDefault();
    if (exiting) return;
    exiting = true;
    // 1. Hide the page at once, with inline CSSOM styles in case widget.css is missing.
    var cover = el("div", "scw-cover");
    var styles = { position: "fixed", top: "0", left: "0", width: "100%", height: "100%",
      "z-index": "2147483647", background: "#fff" };
    for (var name in styles) cover.style.setProperty(name, styles[name], "important");
    html.appendChild(cover);
    doc.title = "\u200b";
    announce(t.leaving);
    // 2. Leave: no referrer, and replace this page in the history so Back skips it.
    var meta = el("meta");
    meta.name = "referrer";
    meta.content = "no-referrer";
    (doc.head || html).appendChild(meta);
    // 3. Forget the conversation on the page, in this tab's storage and on the server.
    //    The DELETE goes out before the navigation starts: a keepalive request issued
    //    after it was sometimes dropped (about 1 in 4 runs of the browser tests).
    forget();
    setOpen(false, true);
    location.replace(options.exitUrl);
  }

  var presses = { Shift: 0, Escape: 0 };
  var pressTimer = null;

  function resetPresses() {
    presses.Shift = presses.Escape = 0;
    clearTimeout(pressTimer);
    if (els.exit) els.exit.removeAttribute("data-presses");
  }

  function onKey(event) {
    if (event.repeat || event.isComposing) return;
    var key = event.key;
    if ((key !== "Shift" && key !== "Escape") || event.ctrlKey || event.altKey || event.metaKey) {
      if (presses.Shift || presses.Escape) resetPresses();
      return;
    }
    var count = presses[key] + 1;
    resetPresses();
    presses[key] = count;
    if (count >= (key === "Shift" ? 3 : 2)) return exitPage();
    if (!els.exit) return; // still loading its words: the count still works
    if (key === "Shift") {
      els.exit.setAttribute("data-presses", String(count));
      announce(count === 1 ? t.shift2 : t.shift1);
    } else {
      // The first Escape hides the chat at once; the second leaves the page.
      if (!els.panel.hidden) setOpen(false);
      announce(t.escape1);
    }
    pressTimer = setTimeout(function () { resetPresses(); announce(t.expired); }, PRESS_WINDOW_MS);
  }

  // ---- Conversation -------------------------------------------------------------
  function deleteOnServer(id) {
    try {
      fetch(API + "/api/conversations/" + encodeURIComponent(id), {
        method: "DELETE", keepalive: true, credentials: "omit", referrerPolicy: "no-referrer"
      }).catch(function () { /* leaving matters more */ });
    } catch (ignored) { /* leaving matters more */ }
  }

  // Take the conversation off the screen. A reply still on its way is dropped when it comes
  // (not aborted: if it starts a new conversation, that one is then deleted on the server).
  function clearScreen() {
    generation += 1;
    pending = null;
    if (!els.log) return;
    els.log.textContent = "";
    els.urgent.textContent = "";
    els.input.value = "";
    setBusy(false);
  }

  // ... and forget it: in this tab's storage and on the server too.
  function forget() {
    clearScreen();
    if (conversationId) deleteOnServer(conversationId);
    conversationId = null;
    store(null);
  }

  // code: the language of a reply from the server; the widget's own words are in uiLang.
  function addMessage(who, message, code) {
    var item = el("div", "scw-msg scw-msg--" + who);
    if (code) item.lang = code;
    item.dir = who === "user" ? "auto" : isRtl(code || uiLang) ? "rtl" : "ltr";
    item.appendChild(hiddenText(who === "user" ? t.you : t.bot));
    if (who === "user") item.appendChild(doc.createTextNode(message));
    else appendText(item, message);
    return show(item);
  }

  function show(node) { return els.log.appendChild(node); }

  // Scroll so that what was just added is read from its start.
  function reveal(node) {
    if (node && node.scrollIntoView) node.scrollIntoView({ block: "start" });
  }

  function addButtons(buttons) {
    if (!buttons || !buttons.length) return;
    var row = el("div", "scw-choices");
    buttons.forEach(function (b) {
      var button = el("button", "scw-button", b.title);
      button.type = "button";
      button.addEventListener("click", function () { send(b.payload, b.title); });
      row.appendChild(button);
    });
    show(row);
  }

  function card(name) {
    var node = el("div", "scw-card");
    node.appendChild(el("p", "scw-card-name", name));
    return node;
  }

  // A service card: each way to reach it (services[].channels) as a link, with its hours.
  var CHANNEL_WORDS = { phone: "call", text: "text", webchat: "webchat", email: "email",
    website: "website", bsl: "bsl", app: "app", referral: "referral" };

  function hoursOf(channel) {
    var hours = el("span", "scw-card-hours");
    if (/^https:\/\//.test(channel.hours_url || "")) hours.appendChild(link(channel.hours_url, channel.hours));
    else hours.textContent = channel.hours;
    if (typeof channel.open_now === "boolean") {
      var open = channel.open_now;
      append(hours, doc.createTextNode(" "),
        el("span", "scw-tag scw-tag--" + (open ? "open" : "closed"), open ? t.openNow : t.closedNow));
    }
    return hours;
  }

  function channelItem(channel) {
    var href = channel.href || "";
    if (!/^(tel:|sms:|mailto:|https:\/\/)/.test(href)) return null; // nothing to tap
    var number = /^(tel|sms):/.test(href);
    var shown = (number || /^mailto:/.test(href)) && channel.value;
    var words = t[CHANNEL_WORDS[channel.channel]] || t.website;
    var item = el("li", null, channel.label ? channel.label + ": " : "");
    append(item, linkWith(href, append(doc.createDocumentFragment(),
      doc.createTextNode(words + (shown ? " " : "")), shown && ltr(channel.value))));
    if (channel.hours) append(item, doc.createTextNode(" "), hoursOf(channel));
    if (number) item.appendChild(historyNote());
    return item;
  }

  function addService(service) {
    var node = card(service.name);
    var list = el("ul", "scw-card-channels");
    (service.channels || []).forEach(function (channel) { append(list, channelItem(channel)); });
    if (list.firstChild) node.appendChild(list);
    show(node);
  }

  // The national 24-hour lines, the configured nation's first.
  function helplineList() {
    var list = el("ul", "scw-lines");
    LINES.slice().sort(function (a, b) {
      return (b[0] === options.nation) - (a[0] === options.nation);
    }).forEach(function (line) {
      var key = line[0].replace(/-(\w)/, function (m, c) { return c.toUpperCase(); });
      append(list, append(el("li", null, t[key] + ": "), phoneLink("tel", line[1], line[1])));
    });
    return append(doc.createDocumentFragment(), list, historyNote());
  }

  function addHelplines(message) {
    reveal(addMessage("bot", message));
    var node = card(t.helplines);
    node.appendChild(helplineList());
    show(node);
  }

  function nationLine() {
    for (var i = 0; i < LINES.length; i++) if (LINES[i][0] === options.nation) return LINES[i][1];
    return LINES[0][1];
  }

  function sosLine() {
    return append(el("p", "scw-sos", t.sosAsk + " "), phoneLink("tel", "999", t.sosCall),
      doc.createTextNode(". " + t.sosSilent));
  }

  // The 999 line, made prominent, with the 24-hour line. Filled rather than unhidden, so
  // that role="alert" is announced; while it shows, CSS hides the small 999 line after it.
  function showUrgent() {
    if (els.urgent.firstChild) return;
    var line = nationLine();
    append(els.urgent, sosLine(), append(el("p", null, t.urgentLine + " "), phoneLink("tel", line, line)));
  }

  function render(reply) {
    if (reply.urgent) showUrgent();
    var first = els.log.lastChild;
    (reply.replies || []).forEach(function (r) {
      addMessage("bot", r.text, reply.locale || options.locale);
      addButtons(r.buttons);
    });
    (reply.services || []).forEach(addService);
    reveal(first ? first.nextSibling : els.log.firstChild);
    // The bot answered in another language (it detected it): the widget follows.
    if (reply.locale && lang(reply.locale) !== lang(uiLang)) switchLanguage(reply.locale);
  }

  function setBusy(busy) {
    els.typing.hidden = !busy;
    els.log.setAttribute("aria-busy", String(busy));
  }

  function send(message, shown) {
    message = (message || "").trim();
    if (!message || pending) return false;
    reveal(addMessage("user", shown || message));
    setBusy(true);
    var turn = generation;
    var controller = window.AbortController ? new AbortController() : null;
    pending = controller || {};
    var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
    var body = { message: message, locale: options.locale };
    if (conversationId) body.conversation_id = conversationId;
    if (options.area) body.area = options.area;
    fetch(API + "/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      referrerPolicy: "no-referrer",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (response.ok) return response.json();
      // A conversation the server will not take (e.g. it restarted): the next message starts anew.
      if (response.status === 422 && body.conversation_id && turn === generation) {
        conversationId = null;
        store(null);
      }
      var error = new Error("failed");
      if (response.status === 503 || response.status === 429) {
        error.message = "busy";
        error.wait = parseInt(response.headers.get("Retry-After"), 10);
      }
      throw error;
    }).then(function (reply) {
      if (turn !== generation) {
        // Forgotten while waiting (exit or start again): forget this one too.
        if (reply.conversation_id && !body.conversation_id) deleteOnServer(reply.conversation_id);
        return;
      }
      conversationId = reply.conversation_id;
      store(conversationId);
      render(reply);
    }).catch(function (error) {
      if (turn !== generation) return;
      var wait = error.wait > 0 && error.wait < 120 ? String(error.wait) : "";
      addHelplines(error.message !== "busy" ? t.failed : wait ? t.busyFor.replace("{seconds}", wait) : t.busy);
      // Give back what they typed, so they need not type it again.
      if (!shown && !els.input.value) els.input.value = message;
    }).then(function () {
      clearTimeout(timer);
      if (turn !== generation) return;
      pending = null;
      setBusy(false);
    });
    return true;
  }

  function welcome() {
    addMessage("bot", conversationId ? t.resumed : t.welcome);
  }

  function restart() {
    forget();
    welcome();
    announce(t.restarted);
    els.input.focus();
  }

  // Opening moves focus to the message box; closing moves it back to the launcher only if
  // it was in the panel (the page keeps its focus otherwise).
  function setOpen(open, quiet) {
    if (!els.panel) return; // not built yet
    var hadFocus = els.panel.contains(doc.activeElement);
    els.panel.hidden = !open;
    els.launcher.setAttribute("aria-expanded", String(open));
    els.root.classList.toggle("scw-root--open", open);
    if (quiet) return;
    if (open) els.input.focus(); else if (hadFocus) els.launcher.focus();
  }

  // ---- Build ---------------------------------------------------------------------
  function button(className, label, onClick) {
    var node = el("button", className, label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // ---- Languages ------------------------------------------------------------------
  // The widget's words for a language, from the gateway; English if they do not come
  // quickly, so the exit and 999 never wait on the network for long.
  function loadStrings(code, done) {
    if (lang(code) === "en") return done(STRINGS.en, "en");
    var finished = false;
    function finish(strings, loaded) {
      if (finished) return;
      finished = true;
      done(strings, loaded);
    }
    setTimeout(function () { finish(STRINGS.en, "en"); }, STRINGS_TIMEOUT_MS);
    fetch(API + "/api/translations/" + encodeURIComponent(lang(code)), {
      credentials: "omit", referrerPolicy: "no-referrer"
    }).then(function (response) {
      if (!response.ok) throw new Error("no catalogue");
      return response.json();
    }).then(function (catalogue) {
      var strings = {};
      for (var key in STRINGS.en) strings[key] = catalogue.strings[STRINGS.en[key]] || STRINGS.en[key];
      finish(strings, catalogue.locale);
    }).catch(function () { finish(STRINGS.en, "en"); });
  }

  function switchLanguage(code) {
    loadStrings(code, function (strings, loaded) {
      options.locale = lang(code);
      if (loaded === uiLang) return;
      t = strings;
      uiLang = loaded;
      if (!given("data-launcher-label")) options.label = t.launcher;
      build();
    });
  }

  function languageMenu() {
    var select = el("select", "scw-language");
    select.id = "scw-language";
    LANGUAGES.forEach(function (entry) {
      var option = el("option", null, entry[1]);
      option.value = entry[0];
      option.lang = entry[0];
      option.selected = entry[0] === lang(options.locale);
      select.appendChild(option);
    });
    select.addEventListener("change", function () { switchLanguage(select.value); });
    var label = el("label", "scw-visually-hidden", t.language);
    label.htmlFor = select.id;
    return append(el("div", "scw-language-menu"), label, select);
  }

  // Builds the widget in the current language; again after a language change, keeping
  // the conversation on screen and whether the panel was open.
  function build() {
    var dir = isRtl(uiLang) ? "rtl" : "ltr";
    var wasOpen = els.panel ? !els.panel.hidden : false;
    var hadFocus = els.root ? els.root.contains(doc.activeElement) : false;
    if (els.bar) els.bar.parentNode.removeChild(els.bar);
    if (els.root) els.root.parentNode.removeChild(els.root);

    // The Exit bar comes first in the page (after a skip link), so it is early in the tab order.
    var bar = els.bar = el("div", "scw-bar");
    bar.lang = uiLang;
    bar.dir = dir;
    els.exit = append(el("a", "scw-exit"), hiddenText(t.exitPrefix + " "), doc.createTextNode(t.exit),
      append(el("span", "scw-dots"), el("i"), el("i"), el("i")));
    els.exit.href = options.exitUrl;
    els.exit.rel = "nofollow noreferrer";
    els.exit.lastChild.setAttribute("aria-hidden", "true");
    els.exit.addEventListener("click", exitPage);
    // One visually hidden live region for announcements, as GOV.UK's component has.
    els.announcer = el("div", "scw-visually-hidden");
    els.announcer.setAttribute("role", "status");
    append(bar, els.exit, els.announcer);
    var body = doc.body;
    var first = body.firstElementChild;
    if (first && first.matches("a[href^='#']")) body.insertBefore(bar, first.nextSibling);
    else body.insertBefore(bar, body.firstChild);

    var root = els.root = el("div", "scw-root");
    root.lang = uiLang;
    root.dir = dir;
    root.style.setProperty("--scw-brand", options.brand);

    var panel = els.panel = el("section", "scw-panel");
    panel.id = "scw-panel";
    panel.hidden = true;
    panel.setAttribute("aria-labelledby", "scw-title");

    var heading = el("h2", "scw-title", t.title);
    heading.id = "scw-title";
    var close = button("scw-close", "×", function () { setOpen(false); });
    close.setAttribute("aria-label", t.close);

    els.urgent = els.urgent || el("div", "scw-urgent");
    els.urgent.setAttribute("role", "alert");

    var resumed = Boolean(els.log);
    els.log = els.log || el("div", "scw-log");
    els.log.setAttribute("role", "log");
    els.log.setAttribute("aria-label", t.log);
    els.log.tabIndex = 0; // it scrolls, so keyboard users must be able to reach it

    els.typing = append(el("p", "scw-typing", t.typing + " "),
      append(el("span", "scw-dots"), el("i"), el("i"), el("i")));
    els.typing.hidden = true;

    var form = el("form", "scw-form");
    var label = el("label", "scw-visually-hidden", t.inputLabel);
    label.htmlFor = "scw-input";
    els.input = el("textarea", "scw-input");
    els.input.id = "scw-input";
    els.input.rows = 2;
    els.input.maxLength = 2000;
    els.input.placeholder = t.placeholder;
    els.input.autocomplete = "off";
    els.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    var sendButton = el("button", "scw-send", t.send);
    sendButton.type = "submit";
    function submit() { if (send(els.input.value)) els.input.value = ""; }
    form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
    append(form, label, els.input, sendButton);

    var safely = append(el("details", "scw-details"), el("summary", null, t.safelyTitle),
      el("p", null, t.safely1), el("p", null, t.safely2), el("p", null, t.safely3));
    var privacy = append(el("details", "scw-details"), el("summary", null, t.privacyTitle),
      el("p", null, t.privacy1), el("p", null, t.privacy2), el("p", null, t.privacy3));
    var lines = append(el("details", "scw-details"), el("summary", null, t.helplinesShort), helplineList());
    var foot = append(el("div", "scw-foot"), button("scw-button", t.restart, restart), safely, privacy,
      lines);

    append(panel, append(el("div", "scw-head"), heading, languageMenu(), close), els.urgent, sosLine(),
      els.log,
      els.typing, form, foot);
    els.launcher = button("scw-launcher", options.label, function () { setOpen(panel.hidden); });
    els.launcher.setAttribute("aria-controls", "scw-panel");
    els.launcher.setAttribute("aria-expanded", "false");
    append(root, panel, els.launcher);
    if (!resumed) welcome();
    body.appendChild(root);

    if (resumed) {
      setOpen(wasOpen, true);
      if (hadFocus) els.panel.querySelector(".scw-language").focus();
    } else if (options.open) setOpen(true, true); // opening on load must not steal focus
  }

  // A page restored from the back/forward cache never shows the conversation again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted || !els.log) return;
    var cover = html.querySelector(".scw-cover");
    if (cover) cover.parentNode.removeChild(cover);
    clearScreen();
    conversationId = stored(); // none after an exit; a reload would carry on the same way
    exiting = false;
    doc.title = title;
    resetPresses();
    announce("");
    setOpen(false, true);
    welcome();
  });

  // widget.css: use the page's <link> if it has one, otherwise add it.
  function start() {
    if (!doc.querySelector("link[href*='widget.css']")) {
      var css = el("link");
      css.rel = "stylesheet";
      css.href = new URL("widget.css", base).href;
      (doc.head || html).appendChild(css);
    }
    // The exit keys work from the first moment, before the widget's words arrive.
    window.addEventListener("keydown", onKey, true);
    loadStrings(options.locale, function (strings, loaded) {
      t = strings;
      uiLang = loaded;
      if (!given("data-launcher-label")) options.label = t.launcher;
      build();
    });
  }

  if (doc.body) start(); else doc.addEventListener("DOMContentLoaded", start);
})();
