//! The current filter — time range, search, selected entity — as one value,
//! so the views (statements, passages) and the exports ask the same
//! question of an article.

use std::collections::HashSet;
use std::sync::Arc;

use crate::corpus::Article;
use crate::dates::Day;
use crate::extract::EntityRef;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only articles dated in this range (both ends included).
    pub range: Option<(Day, Day)>,
    /// Only articles matching the search (their paths), with the search's
    /// generation so a cache can tell two searches apart.
    pub hits: Option<(u64, Arc<HashSet<String>>)>,
    /// Only articles naming this entity.
    pub entity: Option<EntityRef>,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.range.is_none() && self.hits.is_none() && self.entity.is_none()
    }

    /// In the time range and among the search's matches.
    pub fn in_range_and_search(&self, a: &Article) -> bool {
        if let Some((from, to)) = self.range
            && !a
                .date
                .as_ref()
                .is_some_and(|d| d.day >= from && d.day <= to)
        {
            return false;
        }
        self.hits.as_ref().is_none_or(|(_, h)| h.contains(&a.path))
    }

    /// Passes the whole filter (range, search, and names the entity).
    pub fn admits(&self, a: &Article) -> bool {
        self.in_range_and_search(a) && self.entity.as_ref().is_none_or(|e| a.mentions_entity(e))
    }

    /// A key that changes whenever the filter does (for caches).
    pub fn key(&self) -> FilterKey {
        (self.range, self.hits.as_ref().map(|(g, _)| *g), self.entity)
    }
}

pub type FilterKey = (Option<(Day, Day)>, Option<u64>, Option<EntityRef>);
