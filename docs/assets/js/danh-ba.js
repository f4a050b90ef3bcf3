/* Directory search (/danh-ba/): searches window.SOTAY_DANH_BA (built by src/sotay/pages/directory.py)
   in the browser, with or without tone marks. Vanilla JS, no library; works from file:// too.
   Data (see directory_data): r roles, p name prefixes, o organisations, u units [name, parent, url, folded, now],
   t teams [prefix, name, unit, id, folded village, public phone, contact, unit whose steering group's number
   the public phone is (optional)]; then, from a second file loaded once teams can be searched
   (window.SOTAY_DANH_BA_M, put in D.m), m members [name, role, team, org, phone, zalo, email]; members'
   names are folded here, once, when they arrive. */
(function () {
  "use strict";
  var D = window.SOTAY_DANH_BA;
  var input = document.getElementById("sotay-dir-q");
  var list = document.getElementById("sotay-dir-results");
  var status = document.getElementById("sotay-dir-count");
  var more = document.getElementById("sotay-dir-more");
  if (!input || !list || !status || !more) return;
  if (!D) { status.textContent = "Chưa tải được danh bạ. Kiểm tra mạng rồi tải lại trang."; return; }
  status.textContent = "";  // was "Đang tải danh bạ…"
  D.m = [];  // until the members' file is in: teams, villages and communes are searched meanwhile
  var ROOT = list.getAttribute("data-root") || "";
  // Opened from file:// (the offline edition), a folder shows a file listing: link to its index.html.
  var INDEX = location.protocol === "file:" ? "index.html" : "";
  var LIMIT = 50;  // results kept for a query
  var FIRST = 20;  // shown at once, the rest on request: laying out 50 was half of a keystroke's time
  var TEAMS_KEPT = 5;  // places kept for loosely matched teams (in the first FIRST) when people fill the list

  // Same folding as sotay.pages.directory.search_text, plus Telex "dd" for đ in what people type.
  function fold(text) {
    return (" " + text.normalize("NFC").toLowerCase().replace(/đ/g, "d").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ") + " ").replace(/dd/g, "d");
  }
  function digits(text) { return text.replace(/\D/g, ""); }
  // A unit's name inside a sentence: "tổ chỉ đạo xã Ngọc Liên" (sotay.text.in_sentence does the same).
  function inSentence(name) {
    var m = /^(Thành phố|Thị trấn|Thị xã|Huyện|Phường|Xã|Tỉnh) /.exec(name);
    return m ? m[1].toLowerCase() + name.slice(m[1].length) : name;
  }
  window.sotayDirFold = fold;  // for the test that checks it against sotay.pages.directory.search_text

  // Precomputed once: padded folded strings (" nguyen van an ") and phone digits.
  var units = D.u.map(function (u) { return " " + u[3] + " "; });
  var T = D.t.map(function (t) {
    var c = t[6], fb = c === "" ? ["số chung của tổ", t[5]] : c;
    return { name: (t[0] >= 0 ? D.p[t[0]] : "") + t[1], unit: t[2], id: t[3], phone: t[5], fbLabel: fb[0], fbPhone: fb[1],
             shared: t.length > 7 ? "Số chung (của tổ chỉ đạo " + inSentence(D.u[t[7]][0]) + "): " : "Số chung: " };
  });
  var teams = D.t.map(function (t) { return " " + t[4] + " "; });
  var teamPhones = D.t.map(function (t) { return digits(t[5] || ""); });
  var names = [], phones = [];
  var members = "loading";  // then "in", or "failed"

  // A word of the query with its padded forms, made once per keystroke rather than once per comparison.
  function pattern(word) { return { bare: word, start: " " + word, whole: " " + word + " " }; }
  // Rank of a match inside one padded string: 0 whole words, 1 word start, 2 inside a word, -1 none.
  function rank(hay, p) {
    var at = hay.indexOf(p.start);
    if (at < 0) return hay.indexOf(p.bare) < 0 ? -1 : 2;
    return hay.indexOf(p.whole, at) >= 0 ? 0 : 1;  // " w " can only begin where some " w" does
  }

  // How loosely a team matches words spread over its village, commune and district: for each word, its best
  // rank (0 whole word, 1 word start, 2 inside a word), added up.
  function loose(t, unit, parent, parts) {
    var sum = 0;
    for (var k = 0; k < parts.length; k++) {
      var best = 3, r;
      r = rank(teams[t], parts[k]); if (r >= 0 && r < best) best = r;
      r = rank(units[unit], parts[k]); if (r >= 0 && r < best) best = r;
      if (parent >= 0) { r = rank(units[parent], parts[k]); if (r >= 0 && r < best) best = r; }
      sum += best;
    }
    return sum;
  }

  // Results in order: teams named like the query, people by how well their name matches, then teams
  // and people found only through their village, commune or district. Items are [isTeam, index].
  function search(raw) {
    var query = raw.trim();
    if (!query) return null;
    var strongTeams = [], weakTeams = [], people = [[], [], [], [], []];
    var number = /^[\d\s.+()-]+$/.test(query) ? digits(query) : "";
    if (number) {
      // +84, (+84) or 0084 is the country code however little is typed ("+84900" is "0900", and so is
      // "+84 (0) 900"); a bare 84… only when long enough to be a whole number, since 84 also sits inside
      // numbers ("0900 084 5…").
      var international = /^\(?\+|^00/.test(query);
      if (international && number.indexOf("0084") === 0) number = number.slice(2);
      if (number.indexOf("84") === 0 && (number.length > 9 || international)) number = "0" + number.slice(2).replace(/^0/, "");
      if (number.length < 3) return null;  // too short to mean anything yet
      for (var i = 0; i < D.t.length; i++) {  // a team's number that starts as typed; after people, one that has it inside
        var from = teamPhones[i].indexOf(number);
        if (from === 0) strongTeams.push(i); else if (from > 0) weakTeams.push(i);
      }
      for (var j = 0; j < D.m.length; j++) {
        var at = phones[j].indexOf(number);
        if (at >= 0) people[at === 0 ? 0 : 1].push(j);
      }
      // numbers that start as typed, in the order of the numbers (one after another, as in a phone book)
      people[0].sort(function (a, b) { return phones[a] < phones[b] ? -1 : phones[a] > phones[b] ? 1 : a - b; });
      return collect(strongTeams, weakTeams, people);
    }
    var phrase = fold(query).trim();
    if (!phrase) return null;
    var words = phrase.split(" ");
    var n = Math.min(words.length, 30), full = (1 << n) - 1;
    var whole = pattern(phrase), parts = words.slice(0, n).map(pattern);
    // Which words each unit and team matches (bit masks), so people can match "an dong lac".
    var unitMask = units.map(function (hay) {
      var mask = 0;
      for (var k = 0; k < n; k++) if (hay.indexOf(words[k]) >= 0) mask |= 1 << k;
      return mask;
    });
    // Role words count too: "to truong cam phuc" lists the leaders of Cẩm Phúc.
    var roleMask = D.r.map(function (role) {
      var hay = fold(role), mask = 0;
      for (var k = 0; k < n; k++) if (hay.indexOf(" " + words[k] + " ") >= 0) mask |= 1 << k;
      return mask;
    });
    var teamMask = new Array(D.t.length), looseness = {};
    for (var t = 0; t < D.t.length; t++) {
      var own = 0, unit = T[t].unit, parent = D.u[unit][1];
      for (var k = 0; k < n; k++) if (teams[t].indexOf(words[k]) >= 0) own |= 1 << k;
      var ctx = own | unitMask[unit] | (parent >= 0 ? unitMask[parent] : 0);
      teamMask[t] = ctx;
      if (ctx !== full) continue;
      var r0 = rank(teams[t], whole), r1 = rank(units[unit], whole);
      if ((r0 >= 0 && r0 < 2) || (r1 >= 0 && r1 < 2)) { strongTeams.push(t); continue; }
      weakTeams.push(t);
      looseness[t] = loose(t, unit, parent, parts);
    }
    // "la xa ngoc lien": Thôn La Xá (every word whole) before Thôn An Lạc ("la" inside "lạc") of the same commune.
    weakTeams.sort(function (a, b) { return looseness[a] - looseness[b] || a - b; });
    for (var m = 0; m < D.m.length; m++) {
      var hay = names[m], mask = 0, worst = 0;
      var best = rank(hay, whole);
      if (best >= 0) { people[best].push(m); continue; }
      if (n > 1) {  // one word: the phrase was that word, and it did not match
        for (var w = 0; w < n; w++) {
          var r = rank(hay, parts[w]);
          if (r >= 0) { mask |= 1 << w; if (r > worst) worst = r; }
        }
      }
      if (mask === full) { people[worst >= 2 ? 3 : 2].push(m); continue; }
      if ((mask | teamMask[D.m[m][2]] | roleMask[D.m[m][1]]) === full) people[4].push(m);
    }
    // People found through their village or commune: first those whose team, commune or district has the
    // words other than role words side by side ("to truong doan thuong": Xã Đoàn Thượng before thôn Đoàn
    // Kết of Xã Thượng Quận); then leaders, deputies, the rest.
    var rests = {}, apart = {};
    people[4].forEach(function (m) {
      var role = D.m[m][1], rest = rests[role];
      if (rest === undefined) {
        rest = rests[role] = " " + words.filter(function (_, k) { return k >= n || !(roleMask[role] & (1 << k)); }).join(" ");
      }
      var t = D.m[m][2], unit = T[t].unit, parent = D.u[unit][1];
      apart[m] = rest === " " || teams[t].indexOf(rest) >= 0 || units[unit].indexOf(rest) >= 0 ||
        (parent >= 0 && units[parent].indexOf(rest) >= 0) ? 0 : 1;
    });
    people[4].sort(function (a, b) { return apart[a] - apart[b] || D.m[a][1] - D.m[b][1] || a - b; });
    return collect(strongTeams, weakTeams, people);
  }

  function collect(strongTeams, weakTeams, people) {
    var items = [], kept = Math.min(TEAMS_KEPT, weakTeams.length), at = [0, 0, 0], w = 0;
    function add(list, isTeam, cap, from) {
      var i = from;
      for (; i < list.length && items.length < cap; i++) items.push([isTeam, list[i]]);
      return i;
    }
    add(strongTeams, true, LIMIT, 0);
    // People named like the query, but loosely matched teams keep a few places among the results shown
    // first, so that a count of teams is never all hidden.
    for (var b = 0; b < 3; b++) at[b] = add(people[b], false, FIRST - kept, 0);
    if (at[0] < people[0].length || at[1] < people[1].length || at[2] < people[2].length) w = add(weakTeams, true, Math.min(LIMIT, items.length + kept), 0);
    for (b = 0; b < 3; b++) at[b] = add(people[b], false, LIMIT - kept + w, at[b]);
    add(weakTeams, true, LIMIT, w); add(people[3], false, LIMIT, 0); add(people[4], false, LIMIT, 0);
    var count = 0;
    for (b = 0; b < people.length; b++) count += people[b].length;
    return { teams: strongTeams.length + weakTeams.length, people: count, exact: people[0].length, items: items };
  }

  // DOM helpers: text only through textContent, never HTML strings built from data.
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  function link(href, text, cls) {
    var a = el("a", cls, text);
    a.href = href;
    return a;
  }
  function e164(phone) { var d = digits(phone); return "+84" + d.slice(1); }
  // Since 2018 a Vietnamese mobile is 0, then 3, 5, 7, 8 or 9, then 8 digits; landlines are 02x. A landline
  // takes calls only: no text message, no Zalo. (sotay.phones.is_mobile agrees: tests/test_phones.py.)
  function mobile(phone) { var d = digits(phone); return d.length === 10 && "35789".indexOf(d.charAt(1)) >= 0; }
  function phoneLinks(box, phone, zalo) {
    if (phone) {
      box.appendChild(link("tel:" + e164(phone), phone, "sotay-tel"));
      if (mobile(phone)) {
        box.appendChild(document.createTextNode(" "));
        box.appendChild(link("sms:" + e164(phone), "Nhắn tin"));
      }
    }
    // zalo is given only when it differs from phone: then the link says which number it opens.
    var z = zalo || (phone && mobile(phone) ? digits(phone) : "");
    var label = zalo ? "Zalo " + zalo.slice(0, 4) + " " + zalo.slice(4, 7) + " " + zalo.slice(7) : "Zalo";
    if (z) { box.appendChild(document.createTextNode(" ")); box.appendChild(link("https://zalo.me/" + z, label)); }
  }
  function place(unitIndex) {
    var u = D.u[unitIndex], p = u[1] >= 0 ? D.u[u[1]] : null;
    return u[0] + (p && p[1] >= 0 ? ", " + p[0] : "") + (u[4] ? " (" + u[4] + ")" : "");
  }
  function teamUrl(t) { return ROOT + "to/" + T[t].id + "/" + INDEX; }

  function teamItem(t) {
    var team = T[t], li = el("li", "sotay-hit sotay-hit--team");
    li.appendChild(link(teamUrl(t), team.name, "sotay-hit__name"));
    li.appendChild(el("div", "sotay-hit__where", place(team.unit)));
    if (team.phone) { var box = el("div", "sotay-hit__contact", team.shared); phoneLinks(box, team.phone, ""); li.appendChild(box); }
    // whom to call, on the result itself: the leader (or who stands in) and the number
    if (team.fbPhone && team.fbPhone !== team.phone) {
      var call = el("div", "sotay-hit__contact", "Liên hệ " + team.fbLabel + ": ");
      phoneLinks(call, team.fbPhone, "");
      li.appendChild(call);
    }
    return li;
  }
  function personItem(m) {
    var row = D.m[m], team = T[row[2]], li = el("li", "sotay-hit");
    li.appendChild(el("strong", "sotay-hit__name", row[0]));
    li.appendChild(document.createTextNode(" — " + D.r[row[1]] + (row[3] >= 0 ? ", " + D.o[row[3]] : "")));
    var where = el("div", "sotay-hit__where");
    where.appendChild(link(teamUrl(row[2]), team.name));
    where.appendChild(document.createTextNode(" · " + place(team.unit)));
    li.appendChild(where);
    var box = el("div", "sotay-hit__contact");
    if (row.length > 4) {
      phoneLinks(box, row[4] || "", row[5] || "");
      if (row[6]) { box.appendChild(document.createTextNode(" ")); box.appendChild(link("mailto:" + row[6], row[6])); }
    } else {
      box.appendChild(el("span", "sotay-muted", "Không công khai số; liên hệ qua " + team.fbLabel + (team.fbPhone ? " " : "")));
      if (team.fbPhone) box.appendChild(link("tel:" + e164(team.fbPhone), team.fbPhone, "sotay-tel"));
    }
    li.appendChild(box);
    return li;
  }

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  var found = null, shown = 0;  // the current results and how many of them are in the list

  function append(from, to) {
    var items = document.createDocumentFragment();
    for (var i = from; i < to; i++) items.appendChild(found.items[i][0] ? teamItem(found.items[i][1]) : personItem(found.items[i][1]));
    list.appendChild(items);
    shown = to;
    var total = found.teams + found.people;
    // "538 người" for "nguyen van an" read as 538 namesakes: say how many are named exactly so.
    var people = found.exact && found.exact < found.people
      ? number(found.exact) + " người đúng như đã gõ, " + number(found.people - found.exact) + " người gần giống"
      : found.people ? number(found.people) + " người" : "";
    if (!total) status.textContent = members === "in" ? "Không tìm thấy tổ hay người nào. Thử gõ ít chữ hơn, hoặc tên thôn, tên xã." : "Không tìm thấy tổ nào.";
    else status.textContent = "Tìm thấy " + [found.teams ? number(found.teams) + " tổ" : "", people]
      .filter(Boolean).join(" và ") +
      (total > shown ? "; hiện " + shown + " kết quả đầu, gõ thêm để thu hẹp." : ".");
    if (members === "loading") status.textContent += " Đang tải tên và số của thành viên…";
    else if (members === "failed") status.textContent += " Chưa tải được danh sách thành viên: kiểm tra mạng rồi tải lại trang.";
    var rest = found.items.length - shown;
    more.hidden = rest <= 0;
    more.textContent = rest > 0 ? "Hiện thêm " + rest + " kết quả" : "";
  }

  function show(raw) {
    found = search(raw);
    list.replaceChildren();
    if (!found) { status.textContent = ""; more.hidden = true; return; }
    append(0, Math.min(FIRST, found.items.length));
  }

  more.addEventListener("click", function () {
    var from = shown;
    append(from, found.items.length);
    var first = list.children[from];  // focus goes on to the first new result, not back to the page top
    if (first) { first.tabIndex = -1; first.focus(); }
  });

  function remember(q) {
    try { history.replaceState(null, "", q ? "?tim=" + encodeURIComponent(q) : location.pathname); } catch (e) { /* file:// */ }
  }

  input.addEventListener("input", function () {
    var q = input.value.normalize("NFC");
    show(q);
    remember(q);
  });
  // What the address asks for, or what was typed while the data was loading on a slow line.
  var start = new URLSearchParams(location.search).get("tim") || input.value;
  if (start) { input.value = start.normalize("NFC"); show(input.value); }

  // The members' file, once the teams can be searched: on a slow line it is four fifths of the data.
  function membersIn(rows) {
    D.m = rows;
    names = rows.map(function (m) { return fold(m[0]); });
    phones = rows.map(function (m) { return digits(m[4] || "") + " " + (m[5] || ""); });
    members = "in";
    list.setAttribute("data-members", "in");
    if (input.value) show(input.value.normalize("NFC"));
  }
  var file = list.getAttribute("data-loads");
  if (window.SOTAY_DANH_BA_M) { membersIn(window.SOTAY_DANH_BA_M); return; }
  var script = document.createElement("script");
  script.src = file;
  script.onload = function () {
    if (window.SOTAY_DANH_BA_M) membersIn(window.SOTAY_DANH_BA_M); else script.onerror();
  };
  script.onerror = function () {
    members = "failed";
    list.setAttribute("data-members", "failed");
    if (input.value) show(input.value.normalize("NFC"));
  };
  document.body.appendChild(script);
})();
