//! The published formulas, one function each, so that every table of the
//! Statistics view and `daftar stats` cites one place:
//!
//! - keyness: log-likelihood G² in Rayson & Garside's (2000) two-cell form
//!   (UCREL's calculator), with Hardie's (2014) log ratio as effect size;
//! - association of a node and a collocate: log-Dice (Rychlý 2008),
//!   mutual information and t-score (Church & Hanks 1990 as corpus tools
//!   compute them, expected = f(node)·f(collocate)/N) and log-likelihood
//!   on the full 2×2 table (Dunning 1993);
//! - dispersion: Gries' (2008) deviation of proportions DP, 0 for a word
//!   spread exactly as the parts' sizes, towards 1 for a word in one part.

/// `x · ln(x / e)`, 0 when `x` is 0 (its limit).
fn term(x: f64, e: f64) -> f64 {
    if x > 0.0 && e > 0.0 {
        x * (x / e).ln()
    } else {
        0.0
    }
}

/// Rayson & Garside (2000): a word seen `a` times in a corpus of `c` words
/// and `b` times in one of `d` words.
pub fn keyness_ll(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    2.0 * (term(a, e1) + term(b, e2))
}

/// Hardie (2014): log₂ of the ratio of the relative frequencies, a zero
/// frequency counted as 0.5.
pub fn log_ratio(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let pa = if a > 0.0 { a } else { 0.5 } / c;
    let pb = if b > 0.0 { b } else { 0.5 } / d;
    (pa / pb).log2()
}

/// Rychlý (2008): `14 + log₂(2·f_xy / (f_x + f_y))`; 14 at most.
pub fn log_dice(f_xy: f64, f_x: f64, f_y: f64) -> f64 {
    if f_xy <= 0.0 || f_x + f_y <= 0.0 {
        return f64::NEG_INFINITY;
    }
    14.0 + (2.0 * f_xy / (f_x + f_y)).log2()
}

/// Expected co-occurrences of independent words in `n` words.
fn expected(f_x: f64, f_y: f64, n: f64) -> f64 {
    if n > 0.0 { f_x * f_y / n } else { 0.0 }
}

/// Mutual information, `log₂(observed / expected)`.
pub fn mi(f_xy: f64, f_x: f64, f_y: f64, n: f64) -> f64 {
    let e = expected(f_x, f_y, n);
    if f_xy <= 0.0 || e <= 0.0 {
        return f64::NEG_INFINITY;
    }
    (f_xy / e).log2()
}

/// t-score, `(observed − expected) / √observed`.
pub fn t_score(f_xy: f64, f_x: f64, f_y: f64, n: f64) -> f64 {
    if f_xy <= 0.0 {
        return 0.0;
    }
    (f_xy - expected(f_x, f_y, n)) / f_xy.sqrt()
}

/// Dunning (1993): G² of the 2×2 table of node and collocate in `n` words
/// (cells below zero, possible when a window counts a collocate twice
/// for one node, are taken as zero).
pub fn association_ll(f_xy: f64, f_x: f64, f_y: f64, n: f64) -> f64 {
    if n <= 0.0 {
        return 0.0;
    }
    let o11 = f_xy;
    let o12 = (f_x - f_xy).max(0.0);
    let o21 = (f_y - f_xy).max(0.0);
    let o22 = (n - f_x - f_y + f_xy).max(0.0);
    let (r1, r2) = (o11 + o12, o21 + o22);
    let (c1, c2) = (o11 + o21, o12 + o22);
    let total = r1 + r2;
    let e = |r: f64, c: f64| r * c / total;
    2.0 * (term(o11, e(r1, c1))
        + term(o12, e(r1, c2))
        + term(o21, e(r2, c1))
        + term(o22, e(r2, c2)))
}

/// Gries (2008): `½ Σ |vᵢ/f − sᵢ|` for a word's frequencies `v` in parts
/// whose shares of the corpus are `s` (summing to 1).
pub fn dp(v: &[f64], s: &[f64]) -> f64 {
    let f: f64 = v.iter().sum();
    if f <= 0.0 {
        return 1.0;
    }
    0.5 * v.iter().zip(s).map(|(v, s)| (v / f - s).abs()).sum::<f64>()
}

/// Lijffijt & Gries (2012): DP divided by its largest possible value,
/// `1 − min sᵢ`.
pub fn dp_norm(v: &[f64], s: &[f64]) -> f64 {
    let min = s.iter().copied().fold(f64::INFINITY, f64::min);
    if min >= 1.0 {
        0.0
    } else {
        dp(v, s) / (1.0 - min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn gries_2008_dp_of_the_five_part_example() {
        // Gries (2008, §3): a corpus of five parts of 9, 10, 10, 10 and 11
        // words; the word «a» occurs 1, 2, 3, 4 and 5 times: DP = 0.18;
        // normalised (Lijffijt & Gries 2012) 0.18 / (1 − 0.18) = 0.2195.
        let sizes = [9.0, 10.0, 10.0, 10.0, 11.0];
        let s: Vec<f64> = sizes.iter().map(|x| x / 50.0).collect();
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!(close(dp(&v, &s), 0.18, 1e-12), "{}", dp(&v, &s));
        assert!(close(dp_norm(&v, &s), 0.219_512, 1e-6));
        // The two ends of the scale.
        assert!(close(dp(&[9.0, 10.0, 10.0, 10.0, 11.0], &s), 0.0, 1e-12));
        assert!(close(dp(&[0.0, 0.0, 0.0, 0.0, 7.0], &s), 0.78, 1e-12));
    }

    #[test]
    fn rayson_garside_log_likelihood() {
        // UCREL's calculator's two-cell form. A word 10 times in 1,000
        // words and 10 times in 1,000: no difference.
        assert!(close(keyness_ll(10.0, 10.0, 1000.0, 1000.0), 0.0, 1e-12));
        // 30 in 10,000 against 10 in 10,000: E = 20 each;
        // 2·(30·ln 1.5 + 10·ln 0.5) = 10.4650.
        let ll = keyness_ll(30.0, 10.0, 10_000.0, 10_000.0);
        assert!(close(
            ll,
            2.0 * (30.0 * 1.5f64.ln() + 10.0 * 0.5f64.ln()),
            1e-9
        ));
        assert!(close(ll, 10.4650, 1e-4));
        // Absent from one side: the zero cell adds nothing (Brew's note).
        let e1 = 5.0 * 1000.0 / 3000.0;
        assert!(close(
            keyness_ll(5.0, 0.0, 1000.0, 2000.0),
            2.0 * 5.0 * (5.0f64 / e1).ln(),
            1e-12
        ));
    }

    #[test]
    fn hardie_log_ratio_doubles_per_unit() {
        // Twice as frequent (relatively) on the left: 1; half: −1.
        assert!(close(log_ratio(20.0, 10.0, 1000.0, 1000.0), 1.0, 1e-12));
        assert!(close(log_ratio(10.0, 40.0, 1000.0, 2000.0), -1.0, 1e-12));
        // A zero counts as 0.5.
        assert!(close(log_ratio(8.0, 0.0, 1000.0, 1000.0), 4.0, 1e-12));
    }

    #[test]
    fn rychly_log_dice_scale() {
        // Rychlý (2008): 14 when the two always occur together; one less
        // for every halving of the shared share.
        assert!(close(log_dice(50.0, 50.0, 50.0), 14.0, 1e-12));
        assert!(close(log_dice(25.0, 50.0, 50.0), 13.0, 1e-12));
        // 2·10 / (100 + 1000) → 14 + log₂(0.01818…) = 8.2186
        assert!(close(log_dice(10.0, 100.0, 1000.0), 8.218_640, 1e-6));
        assert_eq!(log_dice(0.0, 5.0, 5.0), f64::NEG_INFINITY);
    }

    #[test]
    fn mi_t_and_dunning_g2() {
        // Observed 20 where 1,000 × 2,000 / 1,000,000 = 2 are expected.
        assert!(close(mi(20.0, 1000.0, 2000.0, 1e6), 10f64.log2(), 1e-12));
        assert!(close(
            t_score(20.0, 1000.0, 2000.0, 1e6),
            18.0 / 20f64.sqrt(),
            1e-12
        ));
        // G² of the table [[20, 980], [1980, 997020]], as scipy's
        // chi2_contingency(lambda_="log-likelihood", correction=False)
        // gives it: 56.5930.
        let g2 = association_ll(20.0, 1000.0, 2000.0, 1e6);
        assert!(close(g2, 56.593_0, 1e-3), "{g2}");
        // Independence: nothing.
        assert!(close(association_ll(2.0, 1000.0, 2000.0, 1e6), 0.0, 1e-9));
    }
}
