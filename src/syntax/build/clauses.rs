//! Clauses of rule bodies, and event selectors.

use super::{Builder, Built, Pair};
use crate::syntax::ast::*;
use crate::syntax::grammar::Rule;

impl Builder<'_> {
    pub(super) fn clause(&mut self, pair: &Pair) -> Built<Clause> {
        let inner = self.first(pair)?;
        let body = self.children(&inner);
        // Every clause starts with its keyword; the part after it is what the clause holds.
        let arg = body.get(1).cloned().ok_or_else(|| self.malformed(&inner));
        let kind = match inner.as_rule() {
            Rule::when_clause => ClauseKind::When(self.expr(&arg?)?),
            Rule::severity_clause => ClauseKind::Severity(self.ident(&arg?)),
            Rule::start_clause => ClauseKind::Start(self.selector(&arg?)?),
            Rule::stop_clause => ClauseKind::Stop(self.selector(&arg?)?),
            Rule::cancel_clause => ClauseKind::Cancel(self.selector(&arg?)?),
            Rule::within_clause => ClauseKind::Within(self.limit(&arg?)?),
            Rule::at_least_clause => {
                let limit = self.child(&inner, Rule::duration_limit)?;
                ClauseKind::AtLeast(self.duration_limit(&limit)?)
            }
            Rule::due_clause => ClauseKind::Due(self.expr(&arg?)?),
            Rule::warn_clause => {
                let p = self.child(&inner, Rule::percent)?;
                ClauseKind::WarnAt(self.percent(&p))
            }
            Rule::pause_clause => ClauseKind::Pause(Box::new(self.pause(&arg?)?)),
            Rule::per_clause => ClauseKind::Per(self.ident(&arg?)),
            Rule::require_clause => {
                let mut steps = Vec::new();
                for p in body.iter().filter(|p| p.as_rule() == Rule::selector) {
                    steps.push(self.selector(p)?);
                }
                ClauseKind::Require(steps)
            }
            Rule::forbid_clause => ClauseKind::Forbid(self.selector(&arg?)?),
            Rule::assert_clause => ClauseKind::Assert(self.expr(&arg?)?),
            _ => return Err(self.malformed(&inner)),
        };
        Ok(Clause {
            kind,
            span: self.span(pair),
            comments: Comments::default(),
        })
    }

    fn pause(&mut self, pair: &Pair) -> Built<Pause> {
        let parts = self.children(pair);
        match pair.as_rule() {
            Rule::pause_interval => {
                let selectors: Vec<&Pair> = parts
                    .iter()
                    .filter(|p| p.as_rule() == Rule::selector)
                    .collect();
                let (Some(from), Some(until)) = (selectors.first(), selectors.get(1)) else {
                    return Err(self.malformed(pair));
                };
                Ok(Pause::Interval {
                    from: self.selector(from)?,
                    until: self.selector(until)?,
                })
            }
            Rule::pause_awaiting => {
                let op = self.child(pair, Rule::compare_op)?;
                Ok(Pause::Awaiting {
                    op: self.compare_op(&op)?,
                    op_span: self.span(&op),
                    party: self.string(&self.child(pair, Rule::string)?),
                })
            }
            _ => Err(self.malformed(pair)),
        }
    }

    fn limit(&mut self, pair: &Pair) -> Built<Limit> {
        if pair.as_rule() == Rule::duration_limit {
            return Ok(Limit::Fixed(self.duration_limit(pair)?));
        }
        let mut arms = Vec::new();
        for arm in self.children(pair) {
            if arm.as_rule() != Rule::target_arm {
                continue;
            }
            let guard = self.first(&arm)?;
            let condition = match guard.as_rule() {
                Rule::else_guard => None,
                _ => Some(self.expr(&guard)?),
            };
            arms.push(TargetArm {
                condition,
                limit: self.duration_limit(&self.child(&arm, Rule::duration_limit)?)?,
                span: self.span(&arm),
                comments: Comments::default(),
            });
        }
        Ok(Limit::Table(TargetTable {
            arms,
            span: self.span(pair),
            inner_comments: Vec::new(),
        }))
    }

    pub(super) fn duration_limit(&mut self, pair: &Pair) -> Built<DurationLimit> {
        let duration = self.duration(&self.child(pair, Rule::duration)?)?;
        let calendar = match self.find(pair, Rule::using_calendar) {
            Some(using) => Some(self.ident(&self.child(&using, Rule::calendar_name)?)),
            None => None,
        };
        Ok(DurationLimit {
            duration,
            calendar,
            span: self.span(pair),
        })
    }

    pub(super) fn scope(&mut self, pair: &Pair) -> Built<Selector> {
        let inner = self.first(pair)?;
        self.selector(&inner)
    }

    /// Any selector-shaped pair: `selector`, `anchor`, `last_n_selector` and their alternatives.
    pub(super) fn selector(&mut self, pair: &Pair) -> Built<Selector> {
        match pair.as_rule() {
            Rule::selector | Rule::anchor => {
                let inner = self.first(pair)?;
                self.selector(&inner)
            }
            Rule::opened => Ok(Selector::Opened(self.span(pair))),
            Rule::first_of => {
                let mut alternatives = Vec::new();
                for p in self.children(pair) {
                    if p.as_rule() == Rule::selector {
                        alternatives.push(self.selector(&p)?);
                    }
                }
                Ok(Selector::FirstOf(alternatives, self.span(pair)))
            }
            Rule::customer_turns => Ok(Selector::CustomerTurns {
                filter: self.filter(pair)?,
                span: self.span(pair),
            }),
            Rule::event_selector | Rule::anchor_events | Rule::last_n_selector => {
                Ok(Selector::Events(self.event_selector(pair)?))
            }
            _ => Err(self.malformed(pair)),
        }
    }

    fn filter(&mut self, pair: &Pair) -> Built<Option<Box<Expr>>> {
        match self.find(pair, Rule::where_filter) {
            Some(w) => Ok(Some(Box::new(self.expr(&self.child(&w, Rule::expr)?)?))),
            None => Ok(None),
        }
    }

    fn event_selector(&mut self, pair: &Pair) -> Built<EventSelector> {
        let mut quantifier = None;
        let mut by = None;
        let mut to = None;
        let mut after = None;
        let mut before = None;
        for p in self.children(pair) {
            match p.as_rule() {
                Rule::quantifier => quantifier = Some(self.quantifier(&p)?),
                Rule::last_n => {
                    let n = self.child(&p, Rule::count_integer)?;
                    let count = self.small_integer(&n)?;
                    quantifier = Some(Quantifier::LastN(count, self.span(&p)));
                }
                Rule::by_actor => by = Some(self.ident(&self.child(&p, Rule::actor_name)?)),
                Rule::to_team => to = Some(self.ident(&self.child(&p, Rule::team_name)?)),
                Rule::after_anchor => after = Some(Box::new(self.anchor(&p)?)),
                Rule::before_anchor => before = Some(Box::new(self.anchor(&p)?)),
                _ => {}
            }
        }
        Ok(EventSelector {
            quantifier,
            kind: self.ident(&self.child(pair, Rule::kind_name)?),
            by,
            to,
            filter: self.filter(pair)?,
            after,
            before,
            span: self.span(pair),
        })
    }

    fn anchor(&mut self, pair: &Pair) -> Built<Selector> {
        let anchor = self.child(pair, Rule::anchor)?;
        self.selector(&anchor)
    }

    fn quantifier(&self, pair: &Pair) -> Built<Quantifier> {
        let kw = self.first(pair)?;
        let span = self.span(&kw);
        Ok(match kw.as_rule() {
            Rule::kw_first => Quantifier::First(span),
            Rule::kw_last => Quantifier::Last(span),
            Rule::kw_each => Quantifier::Each(span),
            Rule::kw_next => Quantifier::Next(span),
            Rule::kw_any => Quantifier::Any(span),
            _ => return Err(self.malformed(pair)),
        })
    }
}
