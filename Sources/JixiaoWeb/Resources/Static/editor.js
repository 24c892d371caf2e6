// The project editor without waiting for a save: as the user types, the form's values are sent to
// POST /documents/ID/preview (nothing is stored) and the recomputed scores, total, grade and findings replace those
// on the page. Without this script the page works the same; the scores change on 保存并重新计分.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  var status = document.getElementById("preview-status");
  if (!form || !status || !window.fetch) return;
  var timer = null;
  var sequence = 0;

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(preview, 350);
  });

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "preview error" : "preview";
  }

  function preview() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    body.delete("op");
    fetch(form.getAttribute("action") + "/preview", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (result) { return { ok: response.ok, result: result }; });
      })
      .then(function (answer) {
        if (mine !== sequence) return;
        if (!answer.ok) return say(answer.result.error || "未能重算", true);
        show(answer.result);
        say("已按当前输入重算（尚未保存）", false);
      })
      .catch(function () {
        if (mine === sequence) say("未能重算：请检查网络或刷新页面", true);
      });
  }

  function show(result) {
    text("total", result.total);
    text("grade", result.grade);
    text("execution-score", result.execution.score);
    text("execution-why", result.execution.explanation);
    Object.keys(result.rows).forEach(function (key) {
      var cell = form.querySelector('td[data-row="' + key + '"]');
      if (!cell) return;
      var line = result.rows[key];
      cell.textContent = line.score;
      cell.title = line.explanation;
      cell.classList.toggle("differs", line.differs);
    });
    var section = document.getElementById("findings");
    var list = section.querySelector("ul");
    list.textContent = "";
    result.findings.forEach(function (finding) {
      var item = document.createElement("li");
      if (finding.isError) item.className = "error";
      var severity = document.createElement("b");
      severity.textContent = finding.severity;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = finding.location;
      item.append(severity, " " + finding.explanation + " ", where);
      list.appendChild(item);
    });
    text("finding-count", String(result.findings.length));
    text("finding-total", String(result.findings.length));
    section.hidden = result.findings.length === 0;
  }

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) element.textContent = value;
  }
})();
