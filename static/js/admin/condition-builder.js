/* The condition builder over a condition's text input (navigator/condition_widget.py).

   The text form stays the stored value: "odkud = jina-obec, zahranici; mam != pes". The builder parses it into
   clauses (a question, "chooses one of" or "chooses none of", the ticked options), writes it back on every
   change, and says it as a Czech sentence. Questions are read from the page's questions formset each time they
   change, so a question added in the same edit is offered at once. Inline forms added later (a new step) are
   picked up as they appear. */
(function () {
  "use strict";

  var CLAUSE = /^\s*([\w-]+)\s*(!=|=)\s*(.+?)\s*$/;

  function slugify(text) {
    // As Django's slugify: no diacritics, lower case, words joined by hyphens.
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x00-\x7f]/g, "")
      .toLowerCase().replace(/[^\w\s-]/g, "").replace(/[-\s]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  }

  function parseOptions(text) {
    return text.split(/\r?\n/).map(function (line) { return line.trim(); }).filter(Boolean).map(function (line) {
      var bar = line.indexOf("|");
      var key = bar >= 0 ? line.slice(0, bar).trim() : slugify(line).slice(0, 40);
      var label = bar >= 0 ? line.slice(bar + 1).trim() : line;
      return { key: slugify(key).slice(0, 40), label: label };
    });
  }

  function questionsFromFormset(prefix) {
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    if (!total) { return []; }
    var questions = [];
    for (var index = 0; index < parseInt(total.value, 10); index += 1) {
      var field = function (name) { return document.getElementById("id_" + prefix + "-" + index + "-" + name); };
      var key = field("key"), deleted = field("DELETE");
      if (!key || (deleted && deleted.value === "1") || !key.value.trim()) { continue; }
      questions.push({
        key: key.value.trim(),
        text: (field("text") || {}).value || key.value.trim(),
        multiple: !!(field("multiple") || {}).checked,
        options: parseOptions((field("options") || {}).value || "")
      });
    }
    return questions;
  }

  function parseCondition(text) {
    var clauses = [];
    var parts = (text || "").split(/[;\n]/);
    for (var i = 0; i < parts.length; i += 1) {
      if (!parts[i].trim()) { continue; }
      var match = CLAUSE.exec(parts[i]);
      if (!match) { return null; }
      clauses.push({
        question: match[1], negated: match[2] === "!=",
        options: match[3].split(",").map(function (key) { return key.trim(); }).filter(Boolean)
      });
    }
    return clauses;
  }

  function serialise(clauses) {
    return clauses.filter(function (clause) { return clause.question; }).map(function (clause) {
      return clause.question + (clause.negated ? " != " : " = ") + clause.options.join(", ");
    }).join("; ");
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  function quoted(text) { return "„" + text + "“"; }

  function joined(items, word) {
    if (items.length < 2) { return items.join(""); }
    return items.slice(0, -1).join(", ") + " " + word + " " + items[items.length - 1];
  }

  /* What is wrong with the clauses: the same rules as situations.guide.Condition.errors. */
  function problems(clauses, questions, labels) {
    var byKey = {}, found = [];
    questions.forEach(function (question) { byKey[question.key] = question; });
    var perQuestion = {};
    clauses.forEach(function (clause) {
      var question = byKey[clause.question];
      if (!question) { found.push(format(labels.unknown_question, { key: clause.question })); return; }
      var known = question.options.map(function (option) { return option.key; });
      clause.options.forEach(function (key) {
        if (known.indexOf(key) < 0) { found.push(format(labels.unknown_option, { key: key })); }
      });
      if (!clause.options.length) { found.push(labels.no_option); return; }
      // Options the question lacks are reported above; what is left is judged by the options it has.
      var options = clause.options.filter(function (key) { return known.indexOf(key) >= 0; });
      if (!options.length) { return; }
      (perQuestion[clause.question] = perQuestion[clause.question] || []).push(
        { question: clause.question, negated: clause.negated, options: options });
    });
    Object.keys(perQuestion).forEach(function (key) {
      var question = byKey[key], all = question.options.map(function (option) { return option.key; });
      var excluded = [], allowed = all.slice();
      perQuestion[key].forEach(function (clause) {
        if (clause.negated) {
          excluded = excluded.concat(clause.options);
        }
        allowed = allowed.filter(function (option) {
          return clause.negated ? clause.options.indexOf(option) < 0 : clause.options.indexOf(option) >= 0;
        });
      });
      var everyExcluded = all.every(function (option) { return excluded.indexOf(option) >= 0; });
      if (excluded.length && everyExcluded && !question.multiple) {
        found.push(format(labels.all_excluded, { question: question.text }));
      } else if (question.multiple) {
        var blocked = perQuestion[key].some(function (clause) {
          return !clause.negated && clause.options.every(function (option) { return excluded.indexOf(option) >= 0; });
        });
        if (blocked) { found.push(format(labels.contradiction, { question: question.text })); }
      } else if (!allowed.length) {
        found.push(format(labels.contradiction, { question: question.text }));
      }
    });
    return found;
  }

  function sentence(clauses, questions, labels) {
    var byKey = {};
    questions.forEach(function (question) { byKey[question.key] = question; });
    var parts = clauses.filter(function (clause) { return byKey[clause.question] && clause.options.length; })
      .map(function (clause) {
        var question = byKey[clause.question];
        var chosen = question.options.filter(function (option) { return clause.options.indexOf(option.key) >= 0; })
          .map(function (option) { return quoted(option.label); });
        return labels.at_question + " " + quoted(question.text) + " " +
          (clause.negated ? labels.does_not_choose + " " + joined(chosen, labels.nor)
                          : labels.chooses + " " + joined(chosen, labels.or));
      });
    if (!parts.length) { return labels.everyone; }
    return labels.only_if + " " + parts.join(" " + labels.and + " ") + ".";
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  var counter = 0;

  function Builder(root) {
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-condition-builder"));
    this.labels = this.config.labels;
    this.input = root.querySelector("input");
    this.clauses = parseCondition(this.input.value);
    this.id = "condition-builder-" + (counter += 1);
    if (this.clauses === null) {
      // A text the builder cannot read stays editable as text, with the reason: nothing is thrown away.
      root.appendChild(element("p", { "class": "condition-builder__problems", text: this.labels.unreadable }));
      return;
    }
    this.input.hidden = true;
    this.sentence = element("p", { "class": "condition-builder__sentence", "aria-live": "polite" });
    this.list = element("div", { "class": "condition-builder__clauses" });
    this.problems = element("ul", { "class": "condition-builder__problems", "aria-live": "polite" });
    this.addButton = element("button", { type: "button", "class": "button button-small button-secondary",
                                         text: this.labels.add });
    this.addButton.addEventListener("click", this.add.bind(this));
    [this.sentence, this.list, this.problems, this.addButton].forEach(root.appendChild.bind(root));
    this.render();
  }

  Builder.prototype.questions = function () {
    return this.config.questions || questionsFromFormset(this.config.formset);
  };

  Builder.prototype.add = function () {
    this.clauses.push({ question: "", negated: false, options: [] });
    this.render();
    var selects = this.list.querySelectorAll("select.condition-builder__question");
    if (selects.length) { selects[selects.length - 1].focus(); }
  };

  Builder.prototype.update = function () {
    var questions = this.questions();
    this.input.value = serialise(this.clauses);
    this.sentence.textContent = sentence(this.clauses, questions, this.labels);
    var found = problems(this.clauses.filter(function (clause) { return clause.question; }), questions, this.labels);
    this.problems.textContent = "";
    found.forEach(function (problem) { this.problems.appendChild(element("li", { text: problem })); }, this);
    this.root.classList.toggle("condition-builder--invalid", found.length > 0);
  };

  Builder.prototype.render = function () {
    var questions = this.questions(), labels = this.labels, builder = this;
    this.list.textContent = "";
    this.addButton.hidden = !questions.length;
    if (!questions.length && !this.clauses.length) {
      this.list.appendChild(element("p", { "class": "help", text: labels.no_questions }));
    }
    this.clauses.forEach(function (clause, index) {
      var prefix = builder.id + "-" + index;
      var question = questions.filter(function (candidate) { return candidate.key === clause.question; })[0];
      var questionSelect = element("select", { "class": "condition-builder__question", id: prefix + "-question",
                                               "aria-label": labels.question },
        [element("option", { value: "", text: labels.pick_question })].concat(questions.map(function (candidate) {
          return element("option", { value: candidate.key, text: candidate.text });
        })));
      if (clause.question && !question) {
        questionSelect.appendChild(element("option", { value: clause.question, text: clause.question }));
      }
      questionSelect.value = clause.question;
      questionSelect.addEventListener("change", function () {
        clause.question = questionSelect.value;
        clause.options = [];
        builder.render();
      });
      var operator = element("select", { "class": "condition-builder__operator", "aria-label": labels.question },
        [element("option", { value: "=", text: labels.operator_any }),
         element("option", { value: "!=", text: labels.operator_none })]);
      operator.value = clause.negated ? "!=" : "=";
      operator.addEventListener("change", function () { clause.negated = operator.value === "!="; builder.update(); });
      var options = element("div", { "class": "condition-builder__options" });
      (question ? question.options : []).forEach(function (option, number) {
        var box = element("input", { type: "checkbox", id: prefix + "-option-" + number, value: option.key });
        box.checked = clause.options.indexOf(option.key) >= 0;
        box.addEventListener("change", function () {
          var keys = question.options.map(function (candidate) { return candidate.key; });
          clause.options = keys.filter(function (key) {
            return key === option.key ? box.checked : clause.options.indexOf(key) >= 0;
          });
          builder.update();
        });
        options.appendChild(element("label", { "for": box.id }, [box, document.createTextNode(" " + option.label)]));
      });
      var remove = element("button", { type: "button", "class": "button button-small button-secondary no",
                                       text: labels.remove });
      remove.addEventListener("click", function () { builder.clauses.splice(index, 1); builder.render(); });
      var row = element("div", { "class": "condition-builder__clause" },
                        [element("div", { "class": "condition-builder__choice" }, [questionSelect, operator]),
                         options, remove]);
      builder.list.appendChild(row);
    });
    this.update();
  };

  var builders = [];

  function start(scope) {
    (scope.querySelectorAll ? scope : document).querySelectorAll("[data-condition-builder]").forEach(function (root) {
      if (root.closest("template") || root.conditionBuilder) { return; }
      root.conditionBuilder = new Builder(root);
      builders.push(root.conditionBuilder);
    });
  }

  function questionsChanged(event) {
    var name = event.target && event.target.name;
    if (!name || !/-(key|text|options|multiple|DELETE)$/.test(name)) { return; }
    builders.forEach(function (builder) { if (builder.list) { builder.render(); } });
  }

  document.addEventListener("DOMContentLoaded", function () {
    start(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) { if (node.nodeType === 1) { start(node); } });
      });
    }).observe(document.body, { childList: true, subtree: true });
    document.addEventListener("input", questionsChanged);
    document.addEventListener("change", questionsChanged);
    // A deleted question's hidden DELETE field changes without an event: check again after a click on a delete.
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[id$=-DELETE-button], .w-panel__controls button")) {
        setTimeout(function () { questionsChanged({ target: { name: "x-DELETE" } }); }, 0);
      }
    });
  });
}());
