//! Expressions: types, enumerated values, field paths and phrase sets, resolved into
//! `model::Expr`.

use std::collections::{HashMap, HashSet};

use super::Checker;
use super::fields::{self, Context};
use super::model::{CompareOp, Expr, Literal, Type};
use super::names::nfc;
use super::selectors::{self, Role};
use crate::diag::{Diagnostic, Span};
use crate::suggest::help_for;
use crate::syntax::ast;

/// What expressions may refer to besides fields: phrase sets (and rule names, to say a rule is not
/// a set).
pub struct Env {
    pub sets: HashMap<String, usize>,
    pub rules: HashSet<String>,
}

/// The type of an expression; `Bool` for conditions.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Bool,
    Value(Type),
}

impl Ty {
    fn describe(&self) -> String {
        match self {
            Ty::Bool => "a condition".into(),
            Ty::Value(t) => t.describe(),
        }
    }
}

/// A condition (`when`, `where`, an arm of a target table): its type must be bool.
pub fn condition(cx: &mut Checker, env: &Env, e: &ast::Expr, ctx: Context) -> Option<Expr> {
    let (expr, ty) = typed(cx, env, e, ctx)?;
    match ty {
        Ty::Bool | Ty::Value(Type::Bool) => Some(expr),
        other => {
            cx.report(
                Diagnostic::new(
                    "E0203",
                    format!("expected a condition, found {}", other.describe()),
                )
                .at(e.span, "this is not true or false")
                .help("compare it, e.g. `channel == \"chat\"`, or test it with `exists(…)`"),
            );
            None
        }
    }
}

pub fn typed(cx: &mut Checker, env: &Env, e: &ast::Expr, ctx: Context) -> Option<(Expr, Ty)> {
    use ast::ExprKind as K;
    let bool_of = |x: Expr| Some((x, Ty::Bool));
    match &e.kind {
        K::Or(a, b) | K::And(a, b) => {
            let left = condition(cx, env, a, ctx);
            let right = condition(cx, env, b, ctx);
            let (l, r) = (Box::new(left?), Box::new(right?));
            bool_of(if matches!(e.kind, K::Or(..)) {
                Expr::Or(l, r)
            } else {
                Expr::And(l, r)
            })
        }
        K::Not(inner) => bool_of(Expr::Not(Box::new(condition(cx, env, inner, ctx)?))),
        K::Compare(op, a, b) => compare(cx, env, *op, a, b, ctx).and_then(bool_of),
        K::In {
            value,
            list,
            negated,
        } => in_list(cx, env, value, list, *negated, ctx).and_then(bool_of),
        K::Matches(value, re) => {
            let v = text_operand(cx, env, value, ctx, "`matches`");
            let regex = compile_regex(cx, re);
            bool_of(Expr::Matches(Box::new(v?), regex?))
        }
        K::Has(value, sets) => has(cx, env, value, sets, ctx).and_then(bool_of),
        K::Exists(arg) => exists(cx, env, arg, ctx).and_then(bool_of),
        K::Count(sel) => {
            let s = selectors::selector(cx, env, sel, Role::Set)?;
            Some((Expr::Count(s), Ty::Value(Type::Number)))
        }
        K::EventField(sel, path) => {
            let s = selectors::selector(cx, env, sel, Role::Anchor);
            let f = fields::resolve(cx, path, Context::EventOnly)?;
            let ty = Ty::Value(f.ty.clone());
            Some((Expr::EventField(s?, f), ty))
        }
        K::Every(sel, cond) => {
            let s = selectors::selector(cx, env, sel, Role::Set);
            let c = condition(cx, env, cond, Context::Event);
            bool_of(Expr::Every(s?, Box::new(c?)))
        }
        K::Elapsed(a, b) | K::Overlaps(a, b) => {
            let sa = selectors::selector(cx, env, a, Role::Anchor);
            let sb = selectors::selector(cx, env, b, Role::Anchor);
            let (sa, sb) = (sa?, sb?);
            if matches!(e.kind, K::Elapsed(..)) {
                Some((Expr::Elapsed(sa, sb), Ty::Value(Type::Duration)))
            } else {
                bool_of(Expr::Overlaps(sa, sb))
            }
        }
        K::Path(path) => {
            let f = fields::resolve(cx, path, ctx)?;
            let ty = Ty::Value(f.ty.clone());
            Some((Expr::Field(f), ty))
        }
        _ => literal(cx, e).map(|(l, t)| (Expr::Literal(l), Ty::Value(t))),
    }
}

fn literal(cx: &mut Checker, e: &ast::Expr) -> Option<(Literal, Type)> {
    use ast::ExprKind as K;
    match &e.kind {
        K::Str(s) => Some((Literal::Text(s.value.clone()), Type::Text)),
        K::Bool(b) => Some((Literal::Bool(*b), Type::Bool)),
        K::Number(n) => match n.parse::<f64>() {
            Ok(v) => Some((Literal::Number(v), Type::Number)),
            Err(_) => bad_literal(cx, e.span, "this number"),
        },
        K::Percent(p) => match p.value.parse::<f64>() {
            Ok(v) => Some((Literal::Number(v / 100.0), Type::Number)),
            Err(_) => bad_literal(cx, e.span, "this percentage"),
        },
        K::Duration(d) => match super::durations::duration(cx, d)? {
            super::model::Length::Seconds(s) => Some((Literal::Duration(s), Type::Duration)),
            super::model::Length::Days(_) | super::model::Length::Workdays(_) => {
                cx.report(
                    Diagnostic::new("E0403", "calendar days are not a fixed length of time")
                        .at(
                            d.span,
                            "`day` counts civil-code days, which only deadlines can use",
                        )
                        .help("compare with hours here, e.g. `72h`"),
                );
                None
            }
        },
        _ => {
            cx.report(
                Diagnostic::new("E0203", "dates and clock times cannot be used in expressions")
                    .at(e.span, "not a value an expression can compare")
                    .help("dates and times of day belong in calendars; compare times with `elapsed(…)` and durations"),
            );
            None
        }
    }
}

fn bad_literal<T>(cx: &mut Checker, span: Span, what: &str) -> Option<T> {
    cx.report(
        Diagnostic::new("E0203", format!("{what} cannot be read as a number"))
            .at(span, "not a number")
            .help("write digits with an optional decimal point, e.g. `3` or `4.5`"),
    );
    None
}

fn compare(
    cx: &mut Checker,
    env: &Env,
    op: ast::CompareOp,
    a: &ast::Expr,
    b: &ast::Expr,
    ctx: Context,
) -> Option<Expr> {
    let left = typed(cx, env, a, ctx);
    let right = typed(cx, env, b, ctx);
    let ((l, lt), (r, rt)) = (left?, right?);
    let op = match op {
        ast::CompareOp::Eq => CompareOp::Eq,
        ast::CompareOp::Ne => CompareOp::Ne,
        ast::CompareOp::Lt => CompareOp::Lt,
        ast::CompareOp::Le => CompareOp::Le,
        ast::CompareOp::Gt => CompareOp::Gt,
        ast::CompareOp::Ge => CompareOp::Ge,
    };
    check_enum_literal(cx, &lt, &r, b.span)?;
    check_enum_literal(cx, &rt, &l, a.span)?;
    let ordered = matches!(
        op,
        CompareOp::Lt | CompareOp::Le | CompareOp::Gt | CompareOp::Ge
    );
    let ok = match (&lt, &rt) {
        (Ty::Value(x), Ty::Value(y)) if ordered => {
            same_kind(x, y) && matches!(x, Type::Number | Type::Duration | Type::Time)
        }
        (Ty::Value(x), Ty::Value(y)) => same_kind(x, y),
        (Ty::Bool, Ty::Bool)
        | (Ty::Bool, Ty::Value(Type::Bool))
        | (Ty::Value(Type::Bool), Ty::Bool) => !ordered,
        _ => false,
    };
    if !ok {
        let what = if ordered { "order" } else { "compare" };
        cx.report(
            Diagnostic::new("E0203", format!("cannot {what} {} with {}", lt.describe(), rt.describe()))
                .at(a.span.to(b.span), "the two sides have different types")
                .help(if ordered {
                    "`<`, `<=`, `>`, `>=` compare numbers, durations and times of the same type"
                } else {
                    "compare a field with a value of its type, e.g. `channel == \"chat\"`, `attrs.in_warranty == true`"
                }),
        );
        return None;
    }
    Some(Expr::Compare(op, Box::new(l), Box::new(r)))
}

/// Text-like types compare with each other; others only with themselves.
fn same_kind(a: &Type, b: &Type) -> bool {
    let texty = |t: &Type| matches!(t, Type::Text | Type::OneOf(_));
    (texty(a) && texty(b)) || std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// A string literal compared with an enumerated field must be one of its values.
fn check_enum_literal(cx: &mut Checker, field: &Ty, other: &Expr, span: Span) -> Option<()> {
    let (Ty::Value(Type::OneOf(values)), Expr::Literal(Literal::Text(v))) = (field, other) else {
        return Some(());
    };
    if values.contains(v) {
        return Some(());
    }
    let listed = super::model::quoted_list(values);
    cx.report(
        Diagnostic::new("E0202", format!("\"{v}\" is not one of the field's values"))
            .at(span, format!("the field is one of {listed}"))
            .help(help_for(
                v,
                values.iter().map(String::as_str),
                &format!("use one of {listed}, or add \"{v}\" to the field's declaration"),
            )),
    );
    None
}

fn in_list(
    cx: &mut Checker,
    env: &Env,
    value: &ast::Expr,
    list: &[ast::Expr],
    negated: bool,
    ctx: Context,
) -> Option<Expr> {
    let (v, vt) = typed(cx, env, value, ctx)?;
    let mut literals = Vec::new();
    let mut ok = true;
    for item in list {
        let Some((lit, lt)) = literal(cx, item) else {
            ok = false;
            continue;
        };
        let lit_expr = Expr::Literal(lit.clone());
        if check_enum_literal(cx, &vt, &lit_expr, item.span).is_none() {
            ok = false;
        } else if !matches!(&vt, Ty::Value(t) if same_kind(t, &lt)) {
            cx.report(
                Diagnostic::new(
                    "E0203",
                    format!("cannot compare {} with {}", vt.describe(), lt.describe()),
                )
                .at(item.span, "this value has another type")
                .help("every value in the list must have the field's type"),
            );
            ok = false;
        }
        literals.push(lit);
    }
    ok.then(|| Expr::In {
        value: Box::new(v),
        list: literals,
        negated,
    })
}

fn text_operand(
    cx: &mut Checker,
    env: &Env,
    value: &ast::Expr,
    ctx: Context,
    op: &str,
) -> Option<Expr> {
    let (v, t) = typed(cx, env, value, ctx)?;
    if matches!(t, Ty::Value(Type::Text | Type::OneOf(_))) {
        return Some(v);
    }
    cx.report(
        Diagnostic::new("E0203", format!("{op} needs text, found {}", t.describe()))
            .at(value.span, "not text")
            .help("apply it to a text field such as `text`"),
    );
    None
}

fn has(
    cx: &mut Checker,
    env: &Env,
    value: &ast::Expr,
    sets: &[ast::Ident],
    ctx: Context,
) -> Option<Expr> {
    let v = text_operand(cx, env, value, ctx, "`has`");
    let mut resolved = Vec::new();
    for set in sets {
        match env.sets.get(&nfc(&set.name)) {
            Some(i) => resolved.push(*i),
            None => unknown_set(cx, env, set),
        }
    }
    if resolved.len() != sets.len() {
        return None;
    }
    let id = cx.has_count;
    cx.has_count += 1;
    Some(Expr::Has {
        value: Box::new(v?),
        sets: resolved,
        id,
    })
}

pub fn unknown_set(cx: &mut Checker, env: &Env, set: &ast::Ident) {
    let name = nfc(&set.name);
    let (code, message) = if env.rules.contains(&name) {
        ("E0103", format!("`{name}` is a rule, not a phrase set"))
    } else {
        ("E0101", format!("unknown phrase set `{name}`"))
    };
    let fallback = if code == "E0103" {
        "name the phrase set (declared with `phrases`) that the rule uses, not the rule"
    } else {
        "declare it with `phrases NAME { \"…\" }`, or check the spelling"
    };
    let help = help_for(&name, env.sets.keys().map(String::as_str), fallback);
    cx.report(
        Diagnostic::new(code, message)
            .at(set.span, "a phrase set is expected here")
            .help(help),
    );
}

fn exists(cx: &mut Checker, env: &Env, arg: &ast::SelectorOrPath, ctx: Context) -> Option<Expr> {
    match arg {
        ast::SelectorOrPath::Selector(sel) => Some(Expr::ExistsEvents(selectors::selector(
            cx,
            env,
            sel,
            Role::Set,
        )?)),
        ast::SelectorOrPath::Name(path) => {
            let single = (path.segments.len() == 1).then(|| nfc(&path.segments[0].name));
            match single {
                Some(kind) if kind == "event" || cx.kinds.contains(&kind) => {
                    let sel = ast::Selector::Events(ast::EventSelector {
                        quantifier: None,
                        kind: path.segments[0].clone(),
                        by: None,
                        to: None,
                        filter: None,
                        after: None,
                        before: None,
                        span: path.span,
                    });
                    Some(Expr::ExistsEvents(selectors::selector(
                        cx,
                        env,
                        &sel,
                        Role::Set,
                    )?))
                }
                _ => Some(Expr::ExistsField(fields::resolve(cx, path, ctx)?)),
            }
        }
    }
}

fn compile_regex(cx: &mut Checker, re: &ast::RegexLit) -> Option<regex::Regex> {
    match regex::Regex::new(&re.pattern) {
        Ok(r) => Some(r),
        Err(e) => {
            cx.report(invalid_regex(re, &e));
            None
        }
    }
}

pub fn invalid_regex(re: &ast::RegexLit, e: &regex::Error) -> Diagnostic {
    let detail = e.to_string();
    let last = detail
        .lines()
        .last()
        .unwrap_or("invalid")
        .trim()
        .to_string();
    Diagnostic::new("E0050", format!("invalid regular expression /{}/", re.pattern))
        .at(re.span, last)
        .help("norma's regexes use the `regex` crate's syntax (linear time: no look-around or back-references)")
}
