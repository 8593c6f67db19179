//! Phrase rules: `forbid` and `require` over a scope of messages.
//!
//! | scope | forbid | require |
//! |---|---|---|
//! | each message | each match violates | each message without one violates |
//! | any message | (a check error) | one must match |
//! | first/last message | must not match | must match |
//! | last N messages | none may match | one must |

use super::context::Ctx;
use super::outcome::{Evidence, Instance, PhraseEvidence, Status};
use super::select;
use crate::check::model::{PhraseRuleDef, ScopeQuantifier};
use crate::compile::phrases::{PhraseHit, PhraseMatcher};

pub fn evaluate(cx: &Ctx, rule: usize, p: &PhraseRuleDef) -> Result<Vec<Instance>, String> {
    let messages = select::scope_messages(cx, &p.scope)?;
    if messages.is_empty() {
        return Err(p.scope.empty_reason.clone());
    }
    // A message without text (an image, a call without transcript) has nothing to judge: it is
    // left out, and a scope of such messages only makes the rule not applicable.
    let messages: Vec<usize> = messages
        .into_iter()
        .filter(|m| cx.record.events.get(*m).is_some_and(|e| e.text.is_some()))
        .collect();
    if messages.is_empty() {
        return Err("field missing: text".into());
    }
    let Some(Some(matcher)) = cx.ir.rule_matchers.get(rule) else {
        return Err("no phrase matcher".into());
    };
    let hits: Vec<(usize, Vec<PhraseHit>)> = messages
        .iter()
        .map(|m| (*m, hits(cx, matcher, *m)))
        .collect();
    let whole_scope = matches!(
        p.scope.quantifier,
        ScopeQuantifier::Any | ScopeQuantifier::LastN(_)
    );
    Ok(match (p.forbid, whole_scope) {
        (true, true) => vec![none_in_scope(cx, matcher, &hits)],
        (_, false) => hits
            .iter()
            .map(|(m, h)| per_message(cx, matcher, p, *m, h))
            .collect(),
        (false, true) => vec![one_of_scope(cx, matcher, p, &hits)],
    })
}

fn hits(cx: &Ctx, matcher: &PhraseMatcher, message: usize) -> Vec<PhraseHit> {
    let text = cx
        .record
        .events
        .get(message)
        .and_then(|e| e.text.as_deref());
    match (text, cx.normalised(message)) {
        (Some(t), Some(n)) => matcher.find_all(t, n),
        _ => Vec::new(),
    }
}

/// One instance per judged message: violated when a forbidden phrase is present or a required
/// one is absent.
fn per_message(
    cx: &Ctx,
    matcher: &PhraseMatcher,
    p: &PhraseRuleDef,
    m: usize,
    hits: &[PhraseHit],
) -> Instance {
    let first = hits.first();
    let status = match (p.forbid, first.is_some()) {
        (true, true) | (false, false) => Status::Violated,
        _ => Status::Passed,
    };
    let evidence = match first {
        Some(h) => Evidence::Phrase(evidence(cx, matcher, h)),
        // A message without a forbidden phrase needs no evidence.
        None if p.forbid => Evidence::None,
        None => Evidence::Missing {
            sets: set_names(cx, p),
            events: vec![m],
        },
    };
    let message = match (p.forbid, first) {
        (true, Some(h)) => {
            let more = match hits.len() - 1 {
                0 => String::new(),
                n => format!(" and {n} more in this message"),
            };
            format!(
                "forbidden phrase “{}” ({}){more}",
                h.matched,
                set_of(matcher, h)
            )
        }
        (true, None) => "no forbidden phrase".to_string(),
        (false, Some(h)) => format!("has “{}” ({})", h.matched, set_of(matcher, h)),
        (false, None) => format!(
            "no phrase of {} in this message",
            set_names(cx, p).join(", ")
        ),
    };
    Instance {
        status,
        event: Some(m),
        actor_event: Some(m),
        message,
        evidence,
    }
}

/// `forbid … in last N messages`: one instance for the whole scope, violated at the first
/// message with a forbidden phrase.
fn none_in_scope(cx: &Ctx, matcher: &PhraseMatcher, hits: &[(usize, Vec<PhraseHit>)]) -> Instance {
    let offending: Vec<(usize, &PhraseHit)> = hits
        .iter()
        .filter_map(|(m, h)| h.first().map(|h| (*m, h)))
        .collect();
    let Some((m, h)) = offending.first() else {
        let first = hits.first().map(|(m, _)| *m);
        return Instance {
            status: Status::Passed,
            event: first,
            actor_event: first,
            message: format!("no forbidden phrase in {} message(s)", hits.len()),
            evidence: Evidence::None,
        };
    };
    let more = match offending.len() - 1 {
        0 => String::new(),
        n => format!(" and {n} more message(s) in scope"),
    };
    Instance {
        status: Status::Violated,
        event: Some(*m),
        actor_event: Some(*m),
        message: format!(
            "forbidden phrase “{}” ({}){more}",
            h.matched,
            set_of(matcher, h)
        ),
        evidence: Evidence::Phrase(evidence(cx, matcher, h)),
    }
}

/// `require … in any message` / `last N messages`: one instance for the whole scope.
fn one_of_scope(
    cx: &Ctx,
    matcher: &PhraseMatcher,
    p: &PhraseRuleDef,
    hits: &[(usize, Vec<PhraseHit>)],
) -> Instance {
    let found = hits.iter().find_map(|(m, h)| h.first().map(|h| (*m, h)));
    match found {
        Some((m, h)) => Instance {
            status: Status::Passed,
            event: Some(m),
            actor_event: Some(m),
            message: format!("has “{}” ({})", h.matched, set_of(matcher, h)),
            evidence: Evidence::Phrase(evidence(cx, matcher, h)),
        },
        None => {
            let events: Vec<usize> = hits.iter().map(|(m, _)| *m).collect();
            Instance {
                status: Status::Violated,
                event: events.first().copied(),
                actor_event: events.first().copied(),
                message: format!(
                    "none of {} message(s) in scope has a phrase of {}",
                    events.len(),
                    set_names(cx, p).join(", ")
                ),
                evidence: Evidence::Missing {
                    sets: set_names(cx, p),
                    events,
                },
            }
        }
    }
}

fn set_names(cx: &Ctx, p: &PhraseRuleDef) -> Vec<String> {
    p.sets
        .iter()
        .filter_map(|i| cx.ir.phrase_sets.get(*i).map(|s| s.name.clone()))
        .collect()
}

fn set_of<'m>(matcher: &'m PhraseMatcher, h: &PhraseHit) -> &'m str {
    matcher.sets().get(h.set).map_or("?", |s| s.name.as_str())
}

fn evidence(cx: &Ctx, matcher: &PhraseMatcher, h: &PhraseHit) -> PhraseEvidence {
    let set = set_of(matcher, h).to_string();
    let phrase = cx
        .ir
        .phrase_sets
        .iter()
        .find(|s| s.name == set)
        .and_then(|s| h.pattern.and_then(|i| s.patterns.get(i)))
        .map_or_else(|| set.clone(), |p| p.written());
    PhraseEvidence {
        set,
        phrase,
        matched: h.matched.clone(),
        start: h.start,
        end: h.end,
    }
}
