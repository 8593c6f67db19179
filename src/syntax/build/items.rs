//! Items: the top level of a chunk.

use super::{Builder, Built, Pair};
use crate::syntax::ast::*;
use crate::syntax::grammar::Rule;

/// Builds every item of a parsed `chunk` pair.
pub(in crate::syntax) fn build_chunk(b: &mut Builder, chunk: &Pair) -> Built<Vec<Item>> {
    b.children(chunk)
        .iter()
        .filter(|p| p.as_rule() == Rule::item)
        .map(|p| b.item(p))
        .collect()
}

impl Builder<'_> {
    fn item(&mut self, pair: &Pair) -> Built<Item> {
        let inner = self.first(pair)?;
        let kind = match inner.as_rule() {
            Rule::standard => ItemKind::Standard(self.standard(&inner)?),
            Rule::import => ItemKind::Import(self.string(&self.child(&inner, Rule::string)?)),
            Rule::fields => ItemKind::Fields(self.fields(&inner)?),
            Rule::kinds => ItemKind::Kinds(Kinds {
                kinds: self
                    .children(&inner)
                    .iter()
                    .filter(|p| p.as_rule() == Rule::ident)
                    .map(|p| self.ident(p))
                    .collect(),
                inner_comments: Vec::new(),
            }),
            Rule::phrases => ItemKind::Phrases(self.phrases(&inner)?),
            Rule::deadline => ItemKind::Deadline(self.deadline(&inner)?),
            Rule::expect => ItemKind::Expect(self.deadline(&inner)?),
            Rule::calendar => ItemKind::Calendar(self.calendar(&inner)?),
            Rule::phrase_rule => ItemKind::PhraseRule(self.phrase_rule(&inner)?),
            Rule::reserved_item => return self.reserved(&inner),
            _ => return Err(self.malformed(&inner)),
        };
        Ok(Item {
            kind,
            span: self.span(pair),
            comments: Comments::default(),
        })
    }

    fn standard(&mut self, pair: &Pair) -> Built<Standard> {
        let name = self.string(&self.child(pair, Rule::string)?);
        let mut properties = Vec::new();
        for p in self.children(pair) {
            if p.as_rule() == Rule::property {
                properties.push(Property {
                    key: self.ident(&self.child(&p, Rule::ident)?),
                    value: self.string(&self.child(&p, Rule::string)?),
                    span: self.span(&p),
                    comments: Comments::default(),
                });
            }
        }
        Ok(Standard {
            name,
            properties,
            inner_comments: Vec::new(),
        })
    }

    fn fields(&mut self, pair: &Pair) -> Built<Fields> {
        let mut decls = Vec::new();
        for p in self.children(pair) {
            if p.as_rule() == Rule::field_decl {
                decls.push(self.field_decl(&p)?);
            }
        }
        Ok(Fields {
            decls,
            inner_comments: Vec::new(),
        })
    }

    fn field_decl(&mut self, pair: &Pair) -> Built<FieldDecl> {
        let path = self.path(&self.child(pair, Rule::path)?)?;
        let ty_pair = self.first(&self.child(pair, Rule::type_expr)?)?;
        let ty = match ty_pair.as_rule() {
            Rule::one_of_type => TypeExpr::OneOf(
                self.children(&ty_pair)
                    .iter()
                    .filter(|p| p.as_rule() == Rule::string)
                    .map(|p| self.string(p))
                    .collect(),
                self.span(&ty_pair),
            ),
            _ => TypeExpr::Named(self.ident(&self.first(&ty_pair)?)),
        };
        Ok(FieldDecl {
            path,
            ty,
            required: self.find(pair, Rule::required_flag).map(|p| self.span(&p)),
            span: self.span(pair),
            comments: Comments::default(),
        })
    }

    fn phrases(&mut self, pair: &Pair) -> Built<PhraseSet> {
        let mut patterns = Vec::new();
        let mut excepts = Vec::new();
        for p in self.children(pair) {
            match p.as_rule() {
                Rule::phrase_pattern => patterns.push(self.phrase_pattern(&p)?),
                Rule::except_group => {
                    for q in self.children(&p) {
                        if q.as_rule() == Rule::phrase_pattern {
                            excepts.push(self.phrase_pattern(&q)?);
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(PhraseSet {
            name: self.ident(&self.child(pair, Rule::ident)?),
            description: self.description(pair),
            patterns,
            excepts,
            inner_comments: Vec::new(),
        })
    }

    fn phrase_pattern(&mut self, pair: &Pair) -> Built<PhrasePattern> {
        let inner = self.first(pair)?;
        let kind = match inner.as_rule() {
            Rule::regex => PatternKind::Regex(self.regex(&inner)),
            _ => PatternKind::Literal(self.string(&inner)),
        };
        Ok(PhrasePattern {
            kind,
            span: self.span(pair),
            comments: Comments::default(),
        })
    }

    fn description(&self, pair: &Pair) -> Option<Str> {
        let d = self.find(pair, Rule::description)?;
        let s = self.find(&d, Rule::string)?;
        Some(self.string(&s))
    }

    fn deadline(&mut self, pair: &Pair) -> Built<Rule_> {
        Ok(Rule_ {
            name: self.ident(&self.child(pair, Rule::ident)?),
            description: self.description(pair),
            clauses: self.clause_block(&self.child(pair, Rule::clause_block)?)?,
            inner_comments: Vec::new(),
        })
    }

    fn clause_block(&mut self, pair: &Pair) -> Built<Vec<Clause>> {
        self.children(pair)
            .iter()
            .filter(|p| p.as_rule() == Rule::clause)
            .map(|p| self.clause(p))
            .collect()
    }

    fn phrase_rule(&mut self, pair: &Pair) -> Built<PhraseRule> {
        let polarity = match self.first(&self.child(pair, Rule::polarity)?)?.as_rule() {
            Rule::kw_forbid => Polarity::Forbid,
            _ => Polarity::Require,
        };
        let (name, description, set_list) = match self.find(pair, Rule::rule_head) {
            Some(head) => (
                Some(self.ident(&self.child(&head, Rule::ident)?)),
                self.description(&head),
                self.child(&head, Rule::set_list)?,
            ),
            None => (None, None, self.child(pair, Rule::set_list)?),
        };
        let sets = self
            .children(&set_list)
            .iter()
            .map(|p| self.ident(p))
            .collect();
        let clauses = match self.find(pair, Rule::clause_block) {
            Some(block) => self.clause_block(&block)?,
            None => Vec::new(),
        };
        Ok(PhraseRule {
            polarity,
            name,
            description,
            sets,
            scope: self.scope(&self.child(pair, Rule::scope)?)?,
            clauses,
            inner_comments: Vec::new(),
        })
    }

    /// A reserved item keeps its text verbatim; trailing blanks of its header are not part of it.
    fn calendar(&mut self, pair: &Pair) -> Built<Calendar> {
        let extends = match self.find(pair, Rule::calendar_base) {
            Some(base) => Some(self.ident(&self.child(&base, Rule::ident)?)),
            None => None,
        };
        let mut lines = Vec::new();
        for line in self.children(pair) {
            if line.as_rule() == Rule::calendar_line {
                lines.push(self.calendar_line(&line)?);
            }
        }
        Ok(Calendar {
            name: self.ident(&self.child(pair, Rule::ident)?),
            description: self.description(pair),
            extends,
            lines,
            inner_comments: Vec::new(),
        })
    }

    fn calendar_line(&mut self, pair: &Pair) -> Built<CalendarLine> {
        let inner = self.first(pair)?;
        let label = |b: &mut Self| b.find(&inner, Rule::string).map(|s| b.string(&s));
        let kind = match inner.as_rule() {
            Rule::hours_line => {
                let mut days = Vec::new();
                for range in self.children(&self.child(&inner, Rule::weekdays)?) {
                    if range.as_rule() == Rule::weekday_range {
                        let names: Vec<String> = self
                            .children(&range)
                            .iter()
                            .map(|d| d.as_str().to_string())
                            .collect();
                        days.push(WeekdayRange {
                            from: names.first().cloned().unwrap_or_default(),
                            to: names.get(1).cloned(),
                            span: self.span(&range),
                        });
                    }
                }
                CalendarLineKind::Hours {
                    days,
                    spans: self.time_spans(&self.child(&inner, Rule::time_spans)?)?,
                }
            }
            Rule::closed_line => {
                let range = self.child(&inner, Rule::date_range)?;
                let dates: Vec<String> =
                    self.children(&range).iter().map(|d| self.date(d)).collect();
                CalendarLineKind::Closed {
                    from: dates.first().cloned().unwrap_or_default(),
                    to: dates.get(1).cloned(),
                    label: label(self),
                    dates_span: self.span(&range),
                }
            }
            Rule::open_line => {
                let date = self.child(&inner, Rule::date)?;
                CalendarLineKind::Open {
                    date: self.date(&date),
                    spans: self.time_spans(&self.child(&inner, Rule::time_spans)?)?,
                    label: label(self),
                    date_span: self.span(&date),
                }
            }
            Rule::timezone_line => {
                CalendarLineKind::Timezone(self.string(&self.child(&inner, Rule::string)?))
            }
            _ => return Err(self.malformed(&inner)),
        };
        Ok(CalendarLine {
            kind,
            span: self.span(pair),
            comments: Comments::default(),
        })
    }

    fn time_spans(&mut self, pair: &Pair) -> Built<Vec<TimeSpan>> {
        let mut spans = Vec::new();
        for span in self.children(pair) {
            if span.as_rule() != Rule::time_span {
                continue;
            }
            let parts = self.children(&span);
            let times: Vec<String> = parts
                .iter()
                .filter(|p| p.as_rule() == Rule::time)
                .map(|t| self.time(t))
                .collect();
            let (Some(start), Some(end)) = (times.first(), times.get(1)) else {
                return Err(self.malformed(&span));
            };
            spans.push(TimeSpan {
                start: start.clone(),
                end: end.clone(),
                next_day: parts.iter().any(|p| p.as_rule() == Rule::next_day),
                span: self.span(&span),
            });
        }
        Ok(spans)
    }

    fn reserved(&mut self, pair: &Pair) -> Built<Item> {
        let keyword = self.ident(&self.child(pair, Rule::reserved_keyword)?);
        let name = match self.find(pair, Rule::reserved_name) {
            Some(n) => Some(self.ident(&self.first(&n)?)),
            None => None,
        };
        let text = pair.as_str().trim_end();
        let mut span = self.span(pair);
        span.end = span.start + text.len();
        Ok(Item {
            kind: ItemKind::Reserved(ReservedItem {
                keyword,
                name,
                text: text.to_string(),
            }),
            span,
            comments: Comments::default(),
        })
    }
}

/// The AST's `Rule`, renamed here because pest's `Rule` enum is in scope.
type Rule_ = crate::syntax::ast::Rule;
