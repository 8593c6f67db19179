//! Attaches the scanner's comments to AST nodes, each exactly once. Within a list of siblings a
//! comment on the line where a sibling ends is that sibling's trailing comment; one on its own
//! line goes to the next sibling's leading comments, or to the enclosing block's inner comments
//! after the last sibling. A comment inside a sibling is handed down to it.

use crate::diag::Span;
use crate::syntax::ast::*;

/// A node that takes comments.
trait Commented {
    fn span(&self) -> Span;
    fn comments_mut(&mut self) -> &mut Comments;
    /// Takes the comments lying inside the node. Nodes without lists of their own keep them as
    /// leading comments, so none is lost.
    fn absorb(&mut self, inside: Vec<Comment>, source: &str) {
        let _ = source;
        self.comments_mut().leading.extend(inside);
    }
}

/// Attaches `comments` (sorted, outside any item that failed to parse) to the file's items.
pub fn attach(file: &mut File, comments: Vec<Comment>, source: &str) {
    let items: Vec<&mut Item> = file.items.iter_mut().collect();
    distribute(comments, items, &mut file.trailing_comments, source);
}

fn distribute<N: Commented>(
    comments: Vec<Comment>,
    mut children: Vec<&mut N>,
    inner: &mut Vec<Comment>,
    source: &str,
) {
    children.sort_by_key(|c| c.span().start);
    let mut inside: Vec<Vec<Comment>> = children.iter().map(|_| Vec::new()).collect();
    for comment in comments {
        let at = comment.span.start;
        let next = children.partition_point(|c| c.span().start < at);
        if let Some(prev) = next.checked_sub(1) {
            let prev_span = children[prev].span();
            if prev_span.end > at {
                inside[prev].push(comment);
                continue;
            }
            let same_line = !source
                .get(prev_span.end..at)
                .is_some_and(|gap| gap.contains('\n'));
            let slot = &mut children[prev].comments_mut().trailing;
            if same_line && slot.is_none() {
                *slot = Some(comment);
                continue;
            }
        }
        match children.get_mut(next) {
            Some(following) => following.comments_mut().leading.push(comment),
            None => inner.push(comment),
        }
    }
    for (child, inside) in children.into_iter().zip(inside) {
        if !inside.is_empty() {
            child.absorb(inside, source);
        }
    }
}

impl Commented for Item {
    fn span(&self) -> Span {
        self.span
    }
    fn comments_mut(&mut self) -> &mut Comments {
        &mut self.comments
    }
    fn absorb(&mut self, inside: Vec<Comment>, source: &str) {
        match &mut self.kind {
            ItemKind::Standard(s) => distribute(
                inside,
                s.properties.iter_mut().collect(),
                &mut s.inner_comments,
                source,
            ),
            ItemKind::Fields(f) => distribute(
                inside,
                f.decls.iter_mut().collect(),
                &mut f.inner_comments,
                source,
            ),
            ItemKind::Kinds(k) => k.inner_comments.extend(inside),
            ItemKind::Phrases(p) => {
                let patterns = p.patterns.iter_mut().chain(p.excepts.iter_mut()).collect();
                distribute(inside, patterns, &mut p.inner_comments, source)
            }
            ItemKind::Deadline(r) | ItemKind::Expect(r) => distribute(
                inside,
                r.clauses.iter_mut().collect(),
                &mut r.inner_comments,
                source,
            ),
            ItemKind::PhraseRule(r) => distribute(
                inside,
                r.clauses.iter_mut().collect(),
                &mut r.inner_comments,
                source,
            ),
            ItemKind::Import(_) => self.comments.leading.extend(inside),
            // The verbatim text already holds them; attaching them too would print them twice.
            ItemKind::Calendar(c) => distribute(
                inside,
                c.lines.iter_mut().collect(),
                &mut c.inner_comments,
                source,
            ),
            ItemKind::Reserved(_) => {}
        }
    }
}

impl Commented for Clause {
    fn span(&self) -> Span {
        self.span
    }
    fn comments_mut(&mut self) -> &mut Comments {
        &mut self.comments
    }
    fn absorb(&mut self, inside: Vec<Comment>, source: &str) {
        match &mut self.kind {
            ClauseKind::Within(Limit::Table(t)) => distribute(
                inside,
                t.arms.iter_mut().collect(),
                &mut t.inner_comments,
                source,
            ),
            _ => self.comments.leading.extend(inside),
        }
    }
}

macro_rules! leaf_commented {
    ($($node:ty),*) => {$(
        impl Commented for $node {
            fn span(&self) -> Span {
                self.span
            }
            fn comments_mut(&mut self) -> &mut Comments {
                &mut self.comments
            }
        }
    )*};
}

leaf_commented!(Property, FieldDecl, PhrasePattern, TargetArm, CalendarLine);
