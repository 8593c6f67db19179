//! The constructs fixture: every construct of the syntax stage, one assertion group each.

use super::shapes::{events, path_of, phrase_rule, rule};
use crate::{fixture, item, parse_clean, text};
use norma::syntax::ast::*;

#[test]
fn every_construct_has_its_shape() {
    let src = fixture("constructs.norma");
    let file = parse_clean(&src);

    let ItemKind::Import(path) = &file.items[1].kind else {
        panic!()
    };
    assert_eq!(path.value, "a\"b\\c\n\t中.norma");

    let ItemKind::Fields(fields) = &file.items[2].kind else {
        panic!()
    };
    let decls: Vec<_> = fields
        .decls
        .iter()
        .map(|d| (d.path.dotted(), d.required.is_some()))
        .collect();
    assert_eq!(
        decls,
        [
            ("customer.tier".to_string(), false),
            ("attrs.count".to_string(), true),
            ("required".to_string(), false),
            ("event.attrs.result".to_string(), false),
        ]
    );
    assert!(matches!(&fields.decls[1].ty, TypeExpr::Named(t) if t.name == "number"));

    let ItemKind::Phrases(set) = &item(&file, "问候语").kind else {
        panic!()
    };
    assert!(matches!(&set.patterns[1].kind, PatternKind::Regex(r) if r.pattern == "a/b"));
    let excepts: Vec<_> = set.excepts.iter().map(|p| text(&src, p.span)).collect();
    assert_eq!(excepts, ["\"您好吗\"", "/x/", "\"y\""]);

    let all = rule(item(&file, "全部子句"));
    let clause_text: Vec<_> = all.clauses.iter().map(|c| text(&src, c.span)).collect();
    assert_eq!(
        clause_text[9],
        "pause from hold until next message by agent"
    );
    let ClauseKind::Pause(pause) = &all.clauses[9].kind else {
        panic!()
    };
    let Pause::Interval { from, until } = &**pause else {
        panic!()
    };
    assert_eq!(text(&src, from.span()), "hold");
    assert_eq!(text(&src, until.span()), "next message by agent");
    assert!(matches!(&all.clauses[10].kind, ClauseKind::Per(p) if p.name == "case"));
    // `not not a == 1 or b != 2 and c < 3 or …` is `((a == 1) or (b != 2 and c < 3)) or …`.
    let ClauseKind::When(cond) = &all.clauses[0].kind else {
        panic!()
    };
    let ExprKind::Or(left, right) = &cond.kind else {
        panic!()
    };
    assert!(matches!(&right.kind, ExprKind::And(..)));
    let ExprKind::Or(first, second) = &left.kind else {
        panic!()
    };
    assert_eq!(text(&src, first.span), "not not a == 1");
    // A run of `not`s keeps only its parity: `not not x` is `x`, spanning the whole text.
    assert!(matches!(&first.kind, ExprKind::Compare(..)));
    assert_eq!(text(&src, second.span), "b != 2 and c < 3");
    let ClauseKind::Start(Selector::CustomerTurns {
        filter: Some(f), ..
    }) = &all.clauses[2].kind
    else {
        panic!()
    };
    let ExprKind::Has(subject, sets) = &f.kind else {
        panic!()
    };
    assert_eq!(path_of(subject), "text");
    assert_eq!(
        sets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["问候语", "pii.email"]
    );
    let ClauseKind::Stop(stop) = &all.clauses[3].kind else {
        panic!()
    };
    let stop = events(stop);
    assert!(matches!(stop.quantifier, Some(Quantifier::Any(_))));
    assert_eq!(stop.to.as_ref().map(|t| t.name.as_str()), Some("技术部"));
    assert_eq!(
        stop.after.as_ref().map(|a| text(&src, a.span())),
        Some("note")
    );
    assert_eq!(
        stop.before.as_ref().map(|a| text(&src, a.span())),
        Some("first close")
    );
    let ClauseKind::Within(Limit::Fixed(w)) = &all.clauses[5].kind else {
        panic!()
    };
    assert_eq!(
        (
            w.duration.unit.as_str(),
            w.calendar.as_ref().map(|c| c.name.as_str())
        ),
        ("workdays", Some("24x7"))
    );
    let ClauseKind::Due(due) = &all.clauses[7].kind else {
        panic!()
    };
    let ExprKind::EventField(sel, field) = &due.kind else {
        panic!()
    };
    assert_eq!(field.dotted(), "due.date");
    assert_eq!(
        text(&src, sel.span()),
        "last promise where due > 2026-10-01"
    );
    assert!(matches!(&all.clauses[8].kind, ClauseKind::WarnAt(p) if p.value == "12.5"));

    let exprs = rule(item(&file, "表达式"));
    let ClauseKind::When(cond) = &exprs.clauses[0].kind else {
        panic!()
    };
    // `and` chains are balanced trees; their operands, in reading order, are the conjuncts.
    fn conjuncts_of<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
        match &e.kind {
            ExprKind::And(l, r) => {
                conjuncts_of(l, out);
                conjuncts_of(r, out);
            }
            _ => out.push(e),
        }
    }
    let mut conjuncts = Vec::new();
    conjuncts_of(cond, &mut conjuncts);
    let shown: Vec<_> = conjuncts.iter().map(|e| text(&src, e.span)).collect();
    assert_eq!(
        shown,
        [
            "x in [\"a\", 1, true]",
            "y not in []",
            "z matches /^a.*$/",
            "exists(customer.account_manager)",
            "exists(first resolve)",
            "exists(hangup)",
            "count(ring before answer) <= 3",
            "every message by agent has agent == customer.id",
            "elapsed(first ring, first answer) > 30s",
            "overlaps(message by agent, message by customer)",
            "(a or b)",
            "at == 08:30",
            "t < 24:00",
            "p == 80%",
            "false",
        ]
    );
    assert!(
        matches!(&conjuncts[1].kind, ExprKind::In { negated: true, list, .. } if list.is_empty())
    );
    assert!(matches!(&conjuncts[2].kind, ExprKind::Matches(_, r) if r.pattern == "^a.*$"));
    assert!(
        matches!(&conjuncts[3].kind, ExprKind::Exists(t) if matches!(&**t, SelectorOrPath::Name(p) if p.dotted() == "customer.account_manager"))
    );
    assert!(
        matches!(&conjuncts[5].kind, ExprKind::Exists(t) if matches!(&**t, SelectorOrPath::Name(_)))
    );
    assert!(
        matches!(&conjuncts[6].kind, ExprKind::Compare(CompareOp::Le, l, _) if matches!(l.kind, ExprKind::Count(_)))
    );
    assert!(matches!(&conjuncts[7].kind, ExprKind::Every(..)));
    assert!(
        matches!(&conjuncts[8].kind, ExprKind::Compare(_, l, r) if matches!(l.kind, ExprKind::Elapsed(..)) && matches!(&r.kind, ExprKind::Duration(d) if d.amount == 30))
    );
    assert!(matches!(&conjuncts[9].kind, ExprKind::Overlaps(..)));
    assert!(matches!(&conjuncts[10].kind, ExprKind::Or(..)));
    assert!(
        matches!(&conjuncts[11].kind, ExprKind::Compare(_, l, r) if path_of(l) == "at" && r.kind == ExprKind::Time("08:30".into()))
    );
    assert!(
        matches!(&conjuncts[13].kind, ExprKind::Compare(_, _, r) if matches!(&r.kind, ExprKind::Percent(p) if p.value == "80"))
    );
    assert_eq!(conjuncts[14].kind, ExprKind::Bool(false));
    // Inside `first of (…)` a comma ends the `has` list and starts the next alternative.
    let ClauseKind::Stop(Selector::FirstOf(alts, _)) = &exprs.clauses[2].kind else {
        panic!()
    };
    let alts: Vec<_> = alts.iter().map(|a| text(&src, a.span())).collect();
    assert_eq!(alts, ["message by agent where text has A", "B", "resolve"]);

    let short = file.items.iter().find_map(|i| match &i.kind {
        ItemKind::PhraseRule(r) if r.name.is_none() => Some(r),
        _ => None,
    });
    let short = short.expect("the short form");
    assert_eq!(short.sets[0].name, "pii.mobile_cn");
    assert!(matches!(
        events(&short.scope).quantifier,
        Some(Quantifier::Any(_))
    ));

    let ask = phrase_rule(item(&file, "征询"));
    assert_eq!(ask.polarity, Polarity::Require);
    let scope = events(&ask.scope);
    assert!(matches!(scope.quantifier, Some(Quantifier::LastN(10, _))));
    assert!(scope.filter.is_some() && matches!(scope.after.as_deref(), Some(Selector::Opened(_))));

    let calendar = item(&file, "营业时间");
    let ItemKind::Calendar(cal) = &calendar.kind else {
        panic!()
    };
    assert_eq!(
        cal.description.as_ref().map(|d| d.value.as_str()),
        Some("周一至周五")
    );
    let CalendarLineKind::Hours { days, spans } = &cal.lines[0].kind else {
        panic!()
    };
    assert_eq!(
        (days[0].from.as_str(), days[0].to.as_deref()),
        ("mon", Some("fri"))
    );
    assert_eq!(
        (
            spans[0].start.as_str(),
            spans[0].end.as_str(),
            spans[0].next_day
        ),
        ("08:30", "17:00", false)
    );
    assert_eq!(
        cal.lines[0]
            .comments
            .trailing
            .as_ref()
            .map(|c| c.text.trim()),
        Some("a comment kept in the text")
    );
    let CalendarLineKind::Closed {
        from, to, label, ..
    } = &cal.lines[1].kind
    else {
        panic!()
    };
    assert_eq!(
        (from.as_str(), to.as_deref()),
        ("2026-10-01", Some("2026-10-07"))
    );
    assert_eq!(label.as_ref().map(|l| l.value.as_str()), Some("国庆节 }"));
    let ItemKind::Reserved(audit) = &item(&file, "考核").kind else {
        panic!()
    };
    assert_eq!(audit.text, "audit 考核");
    assert!(matches!(
        &item(&file, "来回次数").kind,
        ItemKind::Reserved(_)
    ));
    assert!(
        matches!(&item(&file, "评分").kind, ItemKind::Reserved(r) if r.text.ends_with("share y } }"))
    );
}

#[test]
fn spans_cover_exactly_their_text() {
    let src = "deadline 跨度 { start first notice   # why\n  stop first visit\n  within 2h }\n";
    let file = parse_clean(src);
    let r = rule(&file.items[0]);
    let clauses: Vec<_> = r.clauses.iter().map(|c| text(src, c.span)).collect();
    assert_eq!(
        clauses,
        ["start first notice", "stop first visit", "within 2h"]
    );
    assert_eq!(text(src, file.items[0].span), &src[..src.len() - 1]);
    assert_eq!(
        r.clauses[0]
            .comments
            .trailing
            .as_ref()
            .map(|c| text(src, c.span)),
        Some("# why")
    );
    assert_eq!(text(src, r.name.span), "跨度");
}
