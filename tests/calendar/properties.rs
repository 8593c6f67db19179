//! Over generated calendars (split spans, overnight spans, holidays, make-up days, DST zones)
//! and starts at second resolution.

use super::*;
use proptest::prelude::*;

const ZONES: [Tz; 4] = [
    chrono_tz::Asia::Shanghai,
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Australia::Lord_Howe, // a 30-minute DST shift
];

/// One day's spans from sorted quarter-hour points: pairs of points are spans, and a lone
/// last point may open a span running into the next morning (kept only if valid).
fn day_spans() -> impl Strategy<Value = Vec<Span>> {
    (
        prop::collection::btree_set(0u32..=96, 0..=4),
        any::<bool>(),
        1u32..=32,
    )
        .prop_map(|(points, overnight, tail)| {
            let points: Vec<u32> = points.into_iter().map(|q| q * 900).collect();
            let mut spans: Vec<Span> = points
                .chunks_exact(2)
                .map(|p| Span::new(p[0], p[1]))
                .collect();
            if overnight && points.len() % 2 == 1 {
                let start = points[points.len() - 1];
                spans.push(Span::new(start, 86_400 + tail * 900));
            }
            spans
        })
}

fn day_in_window() -> impl Strategy<Value = NaiveDate> {
    (0u64..400).prop_map(|d| date("2026-01-01") + chrono::Days::new(d))
}

prop_compose! {
    fn calendar()(
        zone in prop::sample::select(&ZONES[..]),
        weekly in prop::array::uniform7(day_spans()),
        closed in prop::collection::vec((day_in_window(), 0u64..10), 0..3),
        open in prop::collection::vec((day_in_window(), 28u32..40, 1u32..12), 0..3),
    ) -> Option<Calendar> {
        let mut spec = CalendarSpec::new(zone);
        spec.weekly = weekly;
        for (from, length) in closed {
            spec = spec.closed(from, from + chrono::Days::new(length), None);
        }
        for (day, start, hours) in open {
            let span = Span::new(start * 900, start * 900 + hours * 1800);
            spec = spec.open(day, &[span], None);
        }
        Calendar::new(spec).ok()
    }
}

fn start() -> impl Strategy<Value = Instant> {
    (0i64..400 * 86_400).prop_map(|s| at("2026-01-01T00:00:00Z") + TimeDelta::seconds(s))
}

/// Up to about 300 open hours, at second resolution.
fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![0u64..7_200, 0u64..1_080_000]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn due_grows_with_the_amount(cal in calendar(), s in start(), a in amount(), b in amount()) {
        prop_assume!(cal.is_some());
        let Some(cal) = cal else { return Ok(()) };
        let (small, large) = (a.min(b), a.max(b));
        if let (Some(x), Some(y)) = (cal.due(s, small), cal.due(s, large)) {
            prop_assert!(x <= y, "due({s}, {small}) = {x} > due({s}, {large}) = {y}");
        }
    }

    #[test]
    fn the_open_time_up_to_due_is_the_amount(cal in calendar(), s in start(), d in amount()) {
        prop_assume!(cal.is_some());
        let Some(cal) = cal else { return Ok(()) };
        if let Some(due) = cal.due(s, d) {
            prop_assert_eq!(cal.elapsed(s, due), d as i64);
        }
    }

    #[test]
    fn due_composes(cal in calendar(), s in start(), a in amount(), b in amount()) {
        prop_assume!(cal.is_some());
        let Some(cal) = cal else { return Ok(()) };
        let stepwise = cal.due(s, a).and_then(|mid| cal.due(mid, b));
        let at_once = cal.due(s, a + b);
        // Where the calendar runs out of open time, both are None.
        prop_assert_eq!(stepwise, at_once);
    }

    #[test]
    fn elapsed_is_the_sum_of_the_open_periods(cal in calendar(), s in start(), days in 0i64..60) {
        prop_assume!(cal.is_some());
        let Some(cal) = cal else { return Ok(()) };
        let end = s + TimeDelta::seconds(days * 86_400 + 12_345);
        let summed: i64 = cal.periods(s, end).iter().map(|(a, b)| (*b - *a).num_seconds()).sum();
        prop_assert_eq!(cal.elapsed(s, end), summed);
        prop_assert_eq!(cal.elapsed(end, s), -summed);
    }

    #[test]
    fn working_days_end_at_a_close(cal in calendar(), s in start(), n in 1u32..30) {
        prop_assume!(cal.is_some());
        let Some(cal) = cal else { return Ok(()) };
        if let Some(due) = cal.due_workdays(s, n) {
            // A close: open just before it, and after the start's local date.
            prop_assert!(cal.is_open(due - TimeDelta::seconds(1)), "{due}");
            let local = |t: Instant| t.with_timezone(&cal.timezone()).date_naive();
            prop_assert!(local(due - TimeDelta::seconds(1)) > local(s));
        }
        if let (Some(one), Some(more)) = (cal.due_workdays(s, n), cal.due_workdays(s, n + 1)) {
            prop_assert!(one < more);
        }
    }
}
