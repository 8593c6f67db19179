//! Clean fixtures: the AST shape of every construct, checked against what the text says.

use crate::{fixture, item, parse_clean, text};
use norma::syntax::ast::*;

pub fn rule(item: &Item) -> &norma::syntax::ast::Rule {
    match &item.kind {
        ItemKind::Deadline(r) => r,
        other => panic!("not a deadline: {other:?}"),
    }
}

pub fn phrase_rule(item: &Item) -> &PhraseRule {
    match &item.kind {
        ItemKind::PhraseRule(r) => r,
        other => panic!("not a phrase rule: {other:?}"),
    }
}

pub fn events(sel: &Selector) -> &EventSelector {
    match sel {
        Selector::Events(e) => e,
        other => panic!("not an event selector: {other:?}"),
    }
}

pub fn path_of(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Path(p) => p.dotted(),
        other => panic!("not a path: {other:?}"),
    }
}

#[test]
fn the_realistic_policy_parses_cleanly() {
    let src = fixture("realistic.norma");
    let file = parse_clean(&src);
    assert_eq!(file.items.len(), 21);

    let ItemKind::Standard(std) = &file.items[0].kind else {
        panic!()
    };
    assert_eq!(std.name.value, "在线客服服务标准");
    let props: Vec<_> = std
        .properties
        .iter()
        .map(|p| (p.key.name.as_str(), p.value.value.as_str()))
        .collect();
    assert_eq!(
        props,
        [("version", "2026.11"), ("timezone", "Asia/Shanghai")]
    );
    assert_eq!(file.items[0].comments.leading[0].text, " 在线客服标准");

    let ItemKind::Fields(fields) = &file.items[2].kind else {
        panic!()
    };
    assert_eq!(fields.decls[0].path.dotted(), "channel");
    assert!(matches!(&fields.decls[0].ty, TypeExpr::OneOf(v, _) if v.len() == 4));
    assert_eq!(
        fields.decls[0].required.map(|s| text(&src, s)),
        Some("required")
    );
    assert_eq!(fields.decls[1].path.dotted(), "attrs.fault_party");
    assert_eq!(fields.decls[1].required, None);

    let ItemKind::Phrases(set) = &item(&file, "服务忌语").kind else {
        panic!()
    };
    assert_eq!(
        set.description.as_ref().map(|d| d.value.as_str()),
        Some("服务忌语")
    );
    assert_eq!(set.patterns.len(), 4);
    assert!(matches!(&set.patterns[3].kind, PatternKind::Regex(r) if r.pattern == "找.{0,4}领导"));
    assert_eq!(set.excepts.len(), 2);
    let trailing = set.excepts[1]
        .comments
        .trailing
        .as_ref()
        .map(|c| c.text.as_str());
    assert_eq!(trailing, Some(" 如果您不知道密码"));

    let online = rule(item(&file, "在线响应"));
    assert_eq!(
        online.description.as_ref().map(|d| d.value.as_str()),
        Some("60秒響應")
    );
    let kinds: Vec<_> = online.clauses.iter().map(|c| text(&src, c.span)).collect();
    assert_eq!(
        kinds,
        [
            "when channel == \"chat\"",
            "start each turn by customer",
            "stop next message by agent",
            "within 60s"
        ]
    );
    assert!(matches!(
        &online.clauses[1].kind,
        ClauseKind::Start(Selector::CustomerTurns { filter: None, .. })
    ));
    let ClauseKind::Stop(stop) = &online.clauses[2].kind else {
        panic!()
    };
    let stop = events(stop);
    assert!(matches!(stop.quantifier, Some(Quantifier::Next(_))));
    assert_eq!(
        (
            stop.kind.name.as_str(),
            stop.by.as_ref().map(|b| b.name.as_str())
        ),
        ("message", Some("agent"))
    );
    let ClauseKind::Within(Limit::Fixed(limit)) = &online.clauses[3].kind else {
        panic!()
    };
    assert_eq!(
        (limit.duration.amount, limit.duration.unit.as_str()),
        (60, "s")
    );

    let email = rule(item(&file, "邮件回复"));
    let ClauseKind::WarnAt(share) = &email.clauses[3].kind else {
        panic!()
    };
    assert_eq!(share.value, "80");
    let ClauseKind::Within(Limit::Table(table)) = &email.clauses[4].kind else {
        panic!()
    };
    assert_eq!(table.arms.len(), 4);
    assert_eq!(
        text(&src, table.arms[2].span),
        "attrs.line == \"desk\" => 24h using 营业时间"
    );
    assert_eq!(
        table.arms[2]
            .limit
            .calendar
            .as_ref()
            .map(|c| c.name.as_str()),
        Some("营业时间")
    );
    assert!(table.arms[3].condition.is_none());
    assert!(table.arms[..3].iter().all(|a| a.condition.is_some()));

    let phone = rule(item(&file, "接听时限"));
    let ClauseKind::Stop(Selector::FirstOf(alternatives, _)) = &phone.clauses[2].kind else {
        panic!()
    };
    let alts: Vec<_> = alternatives.iter().map(|a| text(&src, a.span())).collect();
    assert_eq!(alts, ["answer", "message by agent"]);
    assert!(matches!(&phone.clauses[4].kind, ClauseKind::Cancel(_)));

    let notice = rule(item(&file, "抄表通知"));
    let ClauseKind::AtLeast(min) = &notice.clauses[2].kind else {
        panic!()
    };
    assert_eq!(
        (min.duration.amount, min.duration.unit.as_str()),
        (3, "days")
    );

    let promise = rule(item(&file, "承诺时限"));
    let ClauseKind::Due(due) = &promise.clauses[2].kind else {
        panic!()
    };
    let ExprKind::EventField(sel, field) = &due.kind else {
        panic!("{due:?}")
    };
    assert_eq!(
        (text(&src, sel.span()), field.dotted().as_str()),
        ("last promise", "due")
    );

    let privacy = phrase_rule(item(&file, "隐私保护"));
    let sets: Vec<_> = privacy.sets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(sets, ["pii.mobile_cn", "pii.id_card_cn"]);
    assert_eq!(privacy.polarity, Polarity::Forbid);

    let short = file.items.iter().find_map(|i| match &i.kind {
        ItemKind::PhraseRule(r) if r.name.is_none() => Some(r),
        _ => None,
    });
    let short = short.expect("the short form");
    assert_eq!(short.sets[0].name, "征询语");
    let scope = events(&short.scope);
    assert!(matches!(scope.quantifier, Some(Quantifier::LastN(3, _))));
    assert_eq!(scope.kind.name, "messages");
    assert!(matches!(&short.clauses[1].kind, ClauseKind::Severity(s) if s.name == "warning"));

    let apology = phrase_rule(item(&file, "非责致歉"));
    let ClauseKind::When(cond) = &apology.clauses[0].kind else {
        panic!()
    };
    assert!(matches!(&cond.kind, ExprKind::In { list, negated: false, .. } if list.len() == 2));

    // The `where` after `after note` filters the notes, not the messages.
    let absent = phrase_rule(item(&file, "不在答复"));
    let scope = events(&absent.scope);
    assert!(scope.filter.is_none());
    let anchor = events(scope.after.as_deref().expect("an anchor"));
    assert_eq!(
        text(&src, anchor.span),
        "note where event.attrs.type == \"被访人不在\""
    );

    let urgent = rule(item(&file, "紧急"));
    let ClauseKind::When(cond) = &urgent.clauses[0].kind else {
        panic!()
    };
    let ExprKind::And(_, rhs) = &cond.kind else {
        panic!()
    };
    let ExprKind::Not(inner) = &rhs.kind else {
        panic!()
    };
    assert!(
        matches!(&inner.kind, ExprKind::Exists(t) if matches!(**t, SelectorOrPath::Selector(_)))
    );
    let ClauseKind::Stop(Selector::FirstOf(alternatives, _)) = &urgent.clauses[3].kind else {
        panic!()
    };
    let alts: Vec<_> = alternatives.iter().map(|a| text(&src, a.span())).collect();
    assert_eq!(
        alts,
        [
            "message by agent where text has 解决方案用语",
            "escalate to 技术倾向型客服"
        ]
    );

    let reserved: Vec<_> = file
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Reserved(r) => {
                Some((r.keyword.name.as_str(), r.text.as_str(), text(&src, i.span)))
            }
            _ => None,
        })
        .collect();
    assert_eq!(reserved.len(), 3);
    assert_eq!(
        reserved[0],
        ("team", "team 客服组 entry", "team 客服组 entry")
    );
    assert_eq!(
        reserved[1],
        ("team", "team 订单组 terminal", "team 订单组 terminal")
    );
    assert!(reserved[2].1.ends_with("max hops 3 }"));
    let expect = file
        .items
        .iter()
        .find_map(|i| match &i.kind {
            ItemKind::Expect(r) => Some(r),
            _ => None,
        })
        .expect("the expect item parses as a rule");
    assert_eq!(expect.name.name, "客户先挂机");
    assert!(matches!(expect.clauses[1].kind, ClauseKind::Assert(_)));
}
