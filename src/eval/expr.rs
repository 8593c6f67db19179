//! Expressions under three-valued logic: a missing field is *unknown*; `not` keeps it, `false and
//! unknown` is false, `true or unknown` is true, other mixes are unknown; `exists` never is.

use super::context::{Ctx, Val};
use super::select;
use crate::check::model::{CompareOp, Expr, Literal};

/// The result of evaluating an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Value(Val),
    /// Unknown, with why: `field missing: PATH`, or `anchor never occurred` (the not-applicable
    /// reason when a rule's condition is unknown).
    Unknown(String),
}

impl Out {
    fn truth(b: bool) -> Out {
        Out::Value(Val::Bool(b))
    }
}

/// A condition's truth: `Ok(bool)` or `Err(reason)` when unknown.
pub fn truth(cx: &Ctx, e: &Expr, event: Option<usize>) -> Result<bool, String> {
    match eval(cx, e, event) {
        Out::Value(Val::Bool(b)) => Ok(b),
        Out::Value(_) => Err("a condition that is not true or false".into()),
        Out::Unknown(path) => Err(path),
    }
}

pub fn eval(cx: &Ctx, e: &Expr, event: Option<usize>) -> Out {
    match e {
        Expr::And(a, b) => match (truth(cx, a, event), truth(cx, b, event)) {
            (Ok(false), _) | (_, Ok(false)) => Out::truth(false),
            (Err(p), _) | (_, Err(p)) => Out::Unknown(p),
            _ => Out::truth(true),
        },
        Expr::Or(a, b) => match (truth(cx, a, event), truth(cx, b, event)) {
            (Ok(true), _) | (_, Ok(true)) => Out::truth(true),
            (Err(p), _) | (_, Err(p)) => Out::Unknown(p),
            _ => Out::truth(false),
        },
        Expr::Not(a) => match truth(cx, a, event) {
            Ok(b) => Out::truth(!b),
            Err(p) => Out::Unknown(p),
        },
        Expr::Compare(op, a, b) => match (eval(cx, a, event), eval(cx, b, event)) {
            (Out::Value(x), Out::Value(y)) => Out::truth(compare(*op, &x, &y)),
            (Out::Unknown(p), _) | (_, Out::Unknown(p)) => Out::Unknown(p),
        },
        Expr::In {
            value,
            list,
            negated,
        } => match eval(cx, value, event) {
            Out::Value(v) => {
                let found = list.iter().any(|l| compare(CompareOp::Eq, &v, &literal(l)));
                Out::truth(found != *negated)
            }
            unknown => unknown,
        },
        Expr::Matches(value, re) => match eval(cx, value, event) {
            Out::Value(Val::Text(t)) => Out::truth(re.is_match(&t)),
            Out::Value(_) => Out::truth(false),
            unknown => unknown,
        },
        Expr::Has { value, id, .. } => has(cx, value, *id, event),
        Expr::ExistsField(f) => Out::truth(cx.field(f, event).is_some()),
        Expr::ExistsEvents(sel) => match select::all(cx, sel) {
            Ok(v) => Out::truth(!v.is_empty()),
            Err(p) => Out::Unknown(p),
        },
        Expr::Count(sel) => match select::all(cx, sel) {
            Ok(v) => Out::Value(Val::Number(v.len() as f64)),
            Err(p) => Out::Unknown(p),
        },
        Expr::EventField(sel, field) => match select::point(cx, sel) {
            Ok(Some(select::Point::Event(i))) => match cx.field(field, Some(i)) {
                Some(v) => Out::Value(v),
                None => Out::Unknown(missing(&field.dotted())),
            },
            Ok(_) => Out::Unknown(missing(&field.dotted())),
            Err(p) => Out::Unknown(p),
        },
        Expr::Every(sel, cond) => every(cx, sel, cond),
        Expr::Elapsed(a, b) => match (select::point(cx, a), select::point(cx, b)) {
            (Ok(Some(x)), Ok(Some(y))) => match (select::time_of(cx, x), select::time_of(cx, y)) {
                (Some(tx), Some(ty)) => Out::Value(Val::Duration((ty - tx).num_seconds())),
                _ => Out::Unknown(missing("at")),
            },
            (Err(p), _) | (_, Err(p)) => Out::Unknown(p),
            _ => Out::Unknown("event never occurred".into()),
        },
        Expr::Overlaps(a, b) => overlaps(cx, a, b),
        Expr::Field(f) => match cx.field(f, event) {
            Some(v) => Out::Value(v),
            None => Out::Unknown(missing(&f.dotted())),
        },
        Expr::Literal(l) => Out::Value(literal(l)),
    }
}

/// The reason a missing field gives a rule: `field missing: PATH`.
fn missing(path: &str) -> String {
    format!("field missing: {path}")
}

fn literal(l: &Literal) -> Val {
    match l {
        Literal::Text(s) => Val::Text(s.clone()),
        Literal::Number(n) => Val::Number(*n),
        Literal::Bool(b) => Val::Bool(*b),
        Literal::Duration(s) => Val::Duration(*s),
    }
}

fn compare(op: CompareOp, x: &Val, y: &Val) -> bool {
    use std::cmp::Ordering;
    let ordering = match (x, y) {
        (Val::Text(a), Val::Text(b)) => Some(a.cmp(b)),
        (Val::Number(a), Val::Number(b)) => a.partial_cmp(b),
        (Val::Bool(a), Val::Bool(b)) => Some(a.cmp(b)),
        (Val::Time(a), Val::Time(b)) => Some(a.cmp(b)),
        (Val::Duration(a), Val::Duration(b)) => Some(a.cmp(b)),
        _ => None,
    };
    let Some(o) = ordering else {
        return op == CompareOp::Ne;
    };
    match op {
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    }
}

/// `text has SET`: on an event's own text the cached normalisation is reused.
fn has(cx: &Ctx, value: &Expr, id: usize, event: Option<usize>) -> Out {
    let Some(Some(matcher)) = cx.ir.has_matchers.get(id) else {
        return Out::truth(false);
    };
    let own_text = matches!(value, Expr::Field(f) if f.on_event && f.path == ["text"]);
    if let (true, Some(i)) = (own_text, event) {
        let Some(original) = cx.record.events.get(i).and_then(|e| e.text.as_deref()) else {
            return Out::Unknown(missing("text"));
        };
        let Some(normalised) = cx.normalised(i) else {
            return Out::Unknown(missing("text"));
        };
        return Out::truth(matcher.is_match(original, normalised));
    }
    match eval(cx, value, event) {
        Out::Value(Val::Text(t)) => {
            let normalised = crate::compile::normalise::normalise(&t);
            Out::truth(matcher.is_match(&t, &normalised))
        }
        Out::Value(_) => Out::truth(false),
        unknown => unknown,
    }
}

/// `every SEL has EXPR`: true on no match; unknown if some match is unknown and none is false.
fn every(cx: &Ctx, sel: &crate::check::model::Selector, cond: &Expr) -> Out {
    let events = match select::all(cx, sel) {
        Ok(v) => v,
        Err(p) => return Out::Unknown(p),
    };
    let mut unknown = None;
    for point in events {
        let select::Point::Event(i) = point else {
            continue;
        };
        match truth(cx, cond, Some(i)) {
            Ok(false) => return Out::truth(false),
            Err(p) => unknown = Some(p),
            Ok(true) => {}
        }
    }
    match unknown {
        Some(p) => Out::Unknown(p),
        None => Out::truth(true),
    }
}

/// `overlaps(A, B)`: some A starts inside some B's [at, end); unknown without `end`.
fn overlaps(cx: &Ctx, a: &crate::check::model::Selector, b: &crate::check::model::Selector) -> Out {
    let (Ok(xs), Ok(ys)) = (select::all(cx, a), select::all(cx, b)) else {
        return Out::Unknown(super::select::ANCHOR_NEVER.into());
    };
    let events = &cx.record.events;
    let mut missing_end = false;
    for y in ys.iter().filter_map(|p| p.event()) {
        let Some(event) = events.get(y) else { continue };
        let Some(end) = event.end else {
            missing_end = true;
            continue;
        };
        let Some(start) = event.at else { continue };
        let inside = xs
            .iter()
            .filter_map(|p| p.event())
            .filter_map(|x| events.get(x).and_then(|e| e.at).filter(|_| x != y))
            .any(|t| t >= start && t < end);
        if inside {
            return Out::truth(true);
        }
    }
    if missing_end {
        Out::Unknown(missing("end"))
    } else {
        Out::truth(false)
    }
}
