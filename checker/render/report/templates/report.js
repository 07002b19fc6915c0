(function () {
  'use strict';
  // Filters and anchors of the report. Reads only data-* attributes and ids written by the renderer; it never
  // inserts markup. The state lives in the address: #filter=rule:F103,severity:error,digest:3,q:text opens
  // the page filtered (the heatmap's cells link so), and #arxiv-ID opens that paper's row.
  var all = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };
  var bar = document.getElementById('filters');
  if (!bar) { return; }
  var boxes = all('input[type=checkbox][data-kind]', bar);
  var rule = document.getElementById('f-rule');
  var search = document.getElementById('f-search');
  var clean = document.getElementById('f-clean');
  var count = document.getElementById('visible-count');
  var sections = all('section.digest');
  var papers = all('.paper');
  var texts = papers.map(function () { return null; });
  var digest = '';

  function encode() {
    var parts = [];
    boxes.forEach(function (b) { if (!b.checked) { return; } parts.push(b.dataset.kind + ':' + b.value); });
    if (boxes.every(function (b) { return b.checked; })) { parts = []; }
    if (rule && rule.value) { parts.push('rule:' + rule.value); }
    if (digest) { parts.push('digest:' + digest); }
    if (search && search.value.trim()) { parts.push('q:' + encodeURIComponent(search.value.trim())); }
    if (clean && !clean.checked) { parts.push('clean:no'); }
    return parts.join(',');
  }

  function decode(spec) {
    var want = {};
    spec.split(',').forEach(function (item) {
      var at = item.indexOf(':');
      if (at < 0) { return; }
      var kind = item.slice(0, at), value = item.slice(at + 1);
      (want[kind] = want[kind] || []).push(value);
    });
    boxes.forEach(function (b) { var w = want[b.dataset.kind]; b.checked = !w || w.indexOf(b.value) >= 0; });
    if (rule) { rule.value = (want.rule || [''])[0]; if (rule.selectedIndex < 0) { rule.value = ''; } }
    digest = (want.digest || [''])[0];
    if (search) { try { search.value = decodeURIComponent((want.q || [''])[0]); } catch (e) { search.value = ''; } }
    if (clean) { clean.checked = !want.clean; }
  }

  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.dataset.kind + ':' + b.value] = b.checked; });
    var r = rule ? rule.value : '';
    var q = search ? search.value.trim().toLowerCase() : '';
    // papers without findings show unless a filter narrows the findings (a rule, a severity or category off)
    var showClean = (clean ? clean.checked : true) && !r && boxes.every(function (b) { return b.checked; });
    var shown = 0;
    sections.forEach(function (s) { s.classList.toggle('hidden', digest !== '' && s.dataset.digest !== digest); });
    papers.forEach(function (p, i) {
      var found = all('.finding', p), visible = 0;
      found.forEach(function (f) {
        var show = on['category:' + f.dataset.category] !== false && on['severity:' + f.dataset.severity] !== false &&
          (!r || f.dataset.rule === r);
        f.classList.toggle('hidden', !show);
        if (show) { visible += 1; }
      });
      var show = found.length ? visible > 0 : showClean;
      if (show && q) {
        if (texts[i] === null) { texts[i] = p.textContent.toLowerCase(); }
        show = texts[i].indexOf(q) >= 0;
      }
      p.classList.toggle('hidden', !show);
      if (show && !p.closest('section.hidden')) { shown += 1; }
    });
    all('[data-shown]').forEach(function (c) {
      var section = c.closest('section');
      c.textContent = String(all('.paper:not(.hidden)', section).length);
    });
    if (count) { count.textContent = String(shown); }
    if (q && shown === 1) {  // a search that finds one paper (an arXiv id) opens its row
      var only = papers.filter(function (p) { return !p.classList.contains('hidden') && !p.closest('section.hidden'); })[0];
      if (only && only.tagName === 'DETAILS') { only.open = true; }
    }
  }

  function reveal(id) {
    var target = document.getElementById(id);
    if (!target || !target.classList.contains('paper')) { return; }
    if (target.classList.contains('hidden') || target.closest('section.hidden')) { decode(''); apply(); }
    if (target.tagName === 'DETAILS') { target.open = true; }
    target.scrollIntoView();
  }

  function fromAddress() {
    var hash = location.hash.slice(1);
    if (hash.indexOf('filter=') === 0) { decode(hash.slice(7)); apply(); return; }
    if (hash) { try { reveal(decodeURIComponent(hash)); } catch (e) { /* not an id of this page */ } }
  }

  function changed() {
    apply();
    var spec = encode();
    if (window.history && history.replaceState) {
      try { history.replaceState(null, '', spec ? '#filter=' + spec : location.pathname + location.search); } catch (e) { /* file: pages may refuse */ }
    }
  }

  boxes.forEach(function (b) { b.addEventListener('change', changed); });
  if (rule) { rule.addEventListener('change', changed); }
  if (clean) { clean.addEventListener('change', changed); }
  if (search) {
    var timer = null;
    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(changed, 150); });
  }
  window.addEventListener('hashchange', fromAddress);
  apply();
  fromAddress();
}());
