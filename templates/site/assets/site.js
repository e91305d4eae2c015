// itreg site: sortable tables and the search page. Everything else works without this script.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var collator = new Intl.Collator(document.documentElement.lang || 'sv', { numeric: true });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
  }

  // Sorting: each heading of a table.sortable becomes a button; aria-sort tells assistive technology the order.
  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = collator.compare(cellValue(a, index), cellValue(b, index));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  // Search: the MiniSearch index built with the site (assets/search-index.js), so it works from file:// too.
  var SHOWN = 100; // matches listed at most, the best first

  function startSearch() {
    var input = document.querySelector('[data-search]');
    if (!input || !window.MiniSearch || !window.ITREG_SEARCH) return;
    var data = window.ITREG_SEARCH;
    var engine = window.MiniSearch.loadJS(data.index, data.options);
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var base = '';
    function run() {
      var query = input.value.trim();
      list.textContent = '';
      if (query === '') {
        status.textContent = '';
        return;
      }
      // Applications first among equals: they are what most readers look for.
      var options = Object.assign({}, data.searchOptions, {
        boostDocument: function (id) {
          return id.indexOf('application/') === 0 ? 2 : 1;
        },
      });
      var all = engine.search(query, options);
      var results = all.slice(0, SHOWN);
      var lang = document.documentElement.lang || undefined;
      var says = all.length === 0 ? 'data-none' : all.length === 1 ? 'data-one' : all.length > SHOWN ? 'data-cut' : 'data-count';
      var words = status.getAttribute(says) || status.getAttribute('data-count') || '{n}';
      status.textContent = words.replace('{n}', all.length.toLocaleString(lang)).replace('{shown}', SHOWN.toLocaleString(lang));
      results.forEach(function (result) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = base + result.href;
        link.textContent = result.name;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = ' – ' + result.kind + (result.detail ? ', ' + result.detail : '');
        item.appendChild(link);
        item.appendChild(kind);
        list.appendChild(item);
      });
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get('q')) input.value = params.get('q');
    input.addEventListener('input', run);
    input.form.addEventListener('submit', function (event) {
      event.preventDefault();
      run();
    });
    run();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), makeSortable);
    startSearch();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
