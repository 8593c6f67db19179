//! Expressions and literals.

use super::{Builder, Built, MAX_CHAIN, MAX_NOTS, Pair};
use crate::diag::{Diagnostic, Span};
use crate::syntax::ast::*;
use crate::syntax::grammar::Rule;

impl Builder<'_> {
    /// `expr` (or), `and_expr`, `not_expr`, `comparison` or `operand`.
    pub(super) fn expr(&mut self, pair: &Pair) -> Built<Expr> {
        match pair.as_rule() {
            Rule::expr => self.chain(pair, Rule::and_expr, ExprKind::Or, "`or`s"),
            Rule::and_expr => self.chain(pair, Rule::not_expr, ExprKind::And, "`and`s"),
            Rule::not_expr => self.not_expr(pair),
            Rule::comparison => self.comparison(pair),
            Rule::operand => self.operand(pair),
            _ => Err(self.malformed(pair)),
        }
    }

    /// Builds `A op B op C …` as a balanced tree, so a chain of n operands is only log2(n) deep
    /// and the checker and evaluator, which recurse, stay far from their stack limits. `and` and
    /// `or` are associative under three-valued logic, and left operands stay left, so the first
    /// unknown field in reading order is still the one a not-applicable reason names.
    fn chain(
        &mut self,
        pair: &Pair,
        operand_rule: Rule,
        make: fn(Box<Expr>, Box<Expr>) -> ExprKind,
        what: &str,
    ) -> Built<Expr> {
        let operands: Vec<Pair> = self
            .children(pair)
            .into_iter()
            .filter(|p| p.as_rule() == operand_rule)
            .collect();
        if operands.len() > MAX_CHAIN {
            return Err(self.too_complex(pair, what));
        }
        let mut built = Vec::with_capacity(operands.len());
        for operand in &operands {
            built.push(self.expr(operand)?);
        }
        balanced(built, make).ok_or_else(|| self.malformed(pair))
    }

    fn not_expr(&mut self, pair: &Pair) -> Built<Expr> {
        let children = self.children(pair);
        let nots: Vec<Span> = children
            .iter()
            .filter(|p| p.as_rule() == Rule::kw_not)
            .map(|p| self.span(p))
            .collect();
        if nots.len() > MAX_NOTS {
            return Err(self.too_complex(pair, "`not`s"));
        }
        let inner = self.expr(&self.child(pair, Rule::comparison)?)?;
        // `not not x` is `x` under three-valued logic (unknown stays unknown), so a run of `not`s
        // keeps only its parity: the tree stays shallow however many are written.
        let Some(first) = nots.first() else {
            return Ok(inner);
        };
        let span = first.to(inner.span);
        Ok(if nots.len().is_multiple_of(2) {
            Expr {
                kind: inner.kind,
                span,
            }
        } else {
            Expr {
                kind: ExprKind::Not(Box::new(inner)),
                span,
            }
        })
    }

    fn comparison(&mut self, pair: &Pair) -> Built<Expr> {
        let children = self.children(pair);
        let lhs = self.expr(children.first().ok_or_else(|| self.malformed(pair))?)?;
        let Some(tail) = children.get(1) else {
            return Ok(lhs);
        };
        let parts = self.children(tail);
        let kind = match tail.as_rule() {
            Rule::compare => {
                let op = self.compare_op(parts.first().ok_or_else(|| self.malformed(tail))?)?;
                let rhs = self.expr(parts.get(1).ok_or_else(|| self.malformed(tail))?)?;
                ExprKind::Compare(op, Box::new(lhs), Box::new(rhs))
            }
            Rule::in_list => {
                let values = self.child(tail, Rule::value_list)?;
                let mut list = Vec::new();
                for v in self.children(&values) {
                    list.push(self.expr(&v)?);
                }
                ExprKind::In {
                    value: Box::new(lhs),
                    list,
                    negated: parts.iter().any(|p| p.as_rule() == Rule::kw_not),
                }
            }
            Rule::matches_regex => {
                ExprKind::Matches(Box::new(lhs), self.regex(&self.child(tail, Rule::regex)?))
            }
            Rule::has_sets => {
                let sets = parts
                    .iter()
                    .filter(|p| p.as_rule() == Rule::set_name)
                    .map(|p| self.ident(p))
                    .collect();
                ExprKind::Has(Box::new(lhs), sets)
            }
            _ => return Err(self.malformed(tail)),
        };
        Ok(Expr {
            kind,
            span: self.span(pair),
        })
    }

    fn operand(&mut self, pair: &Pair) -> Built<Expr> {
        let inner = self.first(pair)?;
        let parts = self.children(&inner);
        let missing = self.malformed(&inner);
        let part = |i: usize| parts.get(i).cloned().ok_or_else(|| missing.clone());
        let kind = match inner.as_rule() {
            Rule::exists_call => {
                let arg = part(1)?;
                let target = match arg.as_rule() {
                    Rule::exists_name => SelectorOrPath::Name(self.path(&arg)?),
                    _ => SelectorOrPath::Selector(self.selector(&arg)?),
                };
                ExprKind::Exists(Box::new(target))
            }
            Rule::count_call => ExprKind::Count(Box::new(self.selector(&part(1)?)?)),
            Rule::elapsed_call => ExprKind::Elapsed(
                Box::new(self.selector(&part(1)?)?),
                Box::new(self.selector(&part(2)?)?),
            ),
            Rule::overlaps_call => ExprKind::Overlaps(
                Box::new(self.selector(&part(1)?)?),
                Box::new(self.selector(&part(2)?)?),
            ),
            Rule::every_expr => ExprKind::Every(
                Box::new(self.selector(&part(1)?)?),
                Box::new(self.expr(&part(3)?)?),
            ),
            Rule::event_field => {
                let access = self.child(&inner, Rule::field_access)?;
                ExprKind::EventField(
                    Box::new(self.selector(&part(0)?)?),
                    self.path(&self.child(&access, Rule::field_path)?)?,
                )
            }
            Rule::paren_expr => {
                // No node for parentheses: the tree's shape keeps the grouping, the span the text.
                let mut grouped = self.expr(&part(0)?)?;
                grouped.span = self.span(pair);
                return Ok(grouped);
            }
            Rule::boolean => ExprKind::Bool(part(0)?.as_rule() == Rule::kw_true),
            Rule::date => ExprKind::Date(self.date(&inner)),
            Rule::time => ExprKind::Time(self.time(&inner)),
            Rule::duration => ExprKind::Duration(self.duration(&inner)?),
            Rule::percent => ExprKind::Percent(self.percent(&inner)),
            Rule::number => ExprKind::Number(inner.as_str().to_string()),
            Rule::string => ExprKind::Str(self.string(&inner)),
            Rule::path => ExprKind::Path(self.path(&inner)?),
            _ => return Err(self.malformed(&inner)),
        };
        Ok(Expr {
            kind,
            span: self.span(pair),
        })
    }

    /// A string with its escapes resolved. Bad escapes were reported by the scanner (E0004) and
    /// are kept as written here.
    pub(super) fn string(&self, pair: &Pair) -> Str {
        let raw = pair.as_str();
        let body = raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(raw);
        Str {
            value: unescape(body),
            span: self.span(pair),
        }
    }

    pub(super) fn regex(&self, pair: &Pair) -> RegexLit {
        let raw = pair.as_str();
        let body = raw
            .strip_prefix('/')
            .and_then(|r| r.strip_suffix('/'))
            .unwrap_or(raw);
        RegexLit {
            pattern: body.replace("\\/", "/"),
            span: self.span(pair),
        }
    }

    pub(super) fn percent(&self, pair: &Pair) -> Percent {
        Percent {
            value: pair.as_str().trim_end_matches('%').to_string(),
            span: self.span(pair),
        }
    }

    pub(super) fn duration(&mut self, pair: &Pair) -> Built<DurationLit> {
        let amount = self.child(pair, Rule::duration_amount)?;
        let unit = self.child(pair, Rule::duration_unit)?;
        let value = amount.as_str().parse::<u64>().unwrap_or_else(|_| {
            self.malformed_literal(
                &amount,
                "this duration's amount is too large to count",
                "use a larger unit, such as `h` or `days` instead of `s`",
            );
            0
        });
        Ok(DurationLit {
            amount: value,
            unit: unit.as_str().to_string(),
            span: self.span(pair),
        })
    }

    pub(super) fn small_integer(&mut self, pair: &Pair) -> Built<u32> {
        Ok(pair.as_str().parse::<u32>().unwrap_or_else(|_| {
            self.malformed_literal(
                pair,
                "this count is too large to count",
                "write a count below 4294967296",
            );
            0
        }))
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=`
    pub(super) fn compare_op(&self, pair: &Pair) -> Built<CompareOp> {
        Ok(match pair.as_str() {
            "==" => CompareOp::Eq,
            "!=" => CompareOp::Ne,
            "<" => CompareOp::Lt,
            "<=" => CompareOp::Le,
            ">" => CompareOp::Gt,
            ">=" => CompareOp::Ge,
            _ => return Err(self.malformed(pair)),
        })
    }

    pub(super) fn date(&mut self, pair: &Pair) -> String {
        let text = pair.as_str();
        let field = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse().ok());
        let valid = match (field(0..4), field(5..7), field(8..10)) {
            (Some(y), Some(m), Some(d)) => {
                chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some()
            }
            _ => false,
        };
        if !valid {
            self.malformed_literal(
                pair,
                &format!("`{text}` is not a date in the calendar"),
                "write a date as YYYY-MM-DD with a month from 01 to 12 and a day that month has",
            );
        }
        text.to_string()
    }

    pub(super) fn time(&mut self, pair: &Pair) -> String {
        let text = pair.as_str();
        let (h, m) = text.split_once(':').unwrap_or((text, ""));
        let (h, m) = (
            h.parse::<u32>().unwrap_or(99),
            m.parse::<u32>().unwrap_or(99),
        );
        if !((h < 24 && m < 60) || (h == 24 && m == 0)) {
            self.malformed_literal(
                pair,
                &format!("`{text}` is not a time of day"),
                "write a time as HH:MM from 00:00 to 23:59; `24:00` means the end of a day",
            );
        }
        text.to_string()
    }

    fn malformed_literal(&mut self, pair: &Pair, message: &str, help: &str) {
        self.diags.push(
            Diagnostic::new("E0005", message)
                .at(self.span(pair), "malformed literal")
                .help(help),
        );
    }
}

/// Resolves `\" \\ \n \t \u{…}`; anything else is kept as written.
fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('"') => push_skip(&mut out, '"', &mut chars),
            Some('\\') => push_skip(&mut out, '\\', &mut chars),
            Some('n') => push_skip(&mut out, '\n', &mut chars),
            Some('t') => push_skip(&mut out, '\t', &mut chars),
            Some('u') => {
                let rest: String = chars.clone().collect();
                match unicode_escape(&rest) {
                    Some((ch, used)) => {
                        out.push(ch);
                        for _ in 0..used {
                            chars.next();
                        }
                    }
                    None => out.push('\\'),
                }
            }
            _ => out.push('\\'),
        }
    }
    out
}

fn push_skip(out: &mut String, c: char, chars: &mut std::iter::Peekable<std::str::Chars>) {
    out.push(c);
    chars.next();
}

/// `u{41}…` → ('A', chars consumed).
fn unicode_escape(rest: &str) -> Option<(char, usize)> {
    let inner = rest.strip_prefix("u{")?;
    let close = inner.find('}')?;
    let digits = &inner[..close];
    if digits.is_empty() || digits.len() > 6 {
        return None;
    }
    let ch = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
    Some((ch, 2 + digits.chars().count() + 1))
}

/// Pairs neighbours level by level until one expression is left; `None` for no operands.
fn balanced(mut level: Vec<Expr>, make: fn(Box<Expr>, Box<Expr>) -> ExprKind) -> Option<Expr> {
    while level.len() > 1 {
        let mut next = Vec::with_capacity(level.len().div_ceil(2));
        let mut items = level.into_iter();
        while let Some(left) = items.next() {
            match items.next() {
                Some(right) => {
                    let span = left.span.to(right.span);
                    next.push(Expr {
                        kind: make(Box::new(left), Box::new(right)),
                        span,
                    });
                }
                None => next.push(left),
            }
        }
        level = next;
    }
    level.pop()
}
