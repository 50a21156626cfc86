//! The `daftar` binary: no subcommand opens the GUI; subcommands do the
//! same work headless, for scripts and checks.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "daftar",
    version,
    about = "Offline corpus browser for Persian news"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    /// Folder of articles to open in the GUI (default: the last folder, or
    /// the bundled sample corpus).
    path: Option<PathBuf>,
    /// Open this article (path relative to the folder) in the reader.
    #[arg(long)]
    article: Option<String>,
    /// Start with this search.
    #[arg(long)]
    search: Option<String>,
    /// Start in the concordance view (with --search).
    #[arg(long)]
    concordance: bool,
    /// Show the lines left out of articles (page chrome, datelines) in the
    /// reader, greyed.
    #[arg(long)]
    show_chrome: bool,
    /// Show dates in this calendar (instead of the remembered one).
    #[arg(long, value_enum)]
    calendar: Option<CalendarArg>,
    /// Open the problems window (files that are no article, and why).
    #[arg(long)]
    problems: bool,
    /// Start in this view.
    #[arg(long, value_enum)]
    view: Option<ViewArg>,
    /// With --compare: show the sides as a ledger (a grid by speaker).
    #[arg(long)]
    ledger: bool,
    /// The window's language (instead of the remembered one or the
    /// system's): en or fa.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Select this entity (any of its names) once the folder has loaded.
    #[arg(long)]
    entity: Option<String>,
    /// Open the comparison of two sides (SPECs as for `daftar compare`).
    #[arg(long, num_args = 2, value_names = ["LEFT", "RIGHT"])]
    compare: Option<Vec<String>>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ViewArg {
    Reader,
    Concordance,
    Statements,
    Compare,
    Passages,
    Statistics,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    En,
    Fa,
}

#[derive(Subcommand)]
enum Command {
    /// Load a folder and show what daftar reads in each file.
    Inspect {
        folder: PathBuf,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// Include each article's decoded text (with --json).
        #[arg(long)]
        with_text: bool,
        /// Show each line of this file (in FOLDER) with its class — title,
        /// kicker, lead, body, dateline or chrome — and why.
        #[arg(long, value_name = "FILE")]
        explain: Option<PathBuf>,
    },
    /// Build or update the folder's search index.
    Index {
        folder: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Search the folder (its index is brought up to date first).
    Search {
        folder: PathBuf,
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Check every file for changes before answering (by default the
        /// index answers when no file was added, removed or renamed).
        #[arg(long)]
        fresh: bool,
        #[arg(long)]
        json: bool,
    },
    /// Count the articles (or those a query matches) over time.
    Timeline {
        folder: PathBuf,
        #[arg(long, value_enum, default_value = "month")]
        by: daftar::timeline::BucketSize,
        #[arg(long, value_enum, default_value = "jalali")]
        calendar: CalendarArg,
        #[arg(long)]
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set two sides' statements next to each other, aligned by topic.
    /// SPEC: `speaker=پوتین,from=1397-01-01,to=1399-12-29,source=ایرنا`
    /// (any subset).
    Compare {
        folder: PathBuf,
        #[arg(long)]
        left: String,
        #[arg(long)]
        right: String,
        #[arg(long)]
        json: bool,
    },
    /// Tag a passage (PATH and character range) or every match of a query.
    Tag {
        folder: PathBuf,
        /// Relative to FOLDER (or absolute, inside it); any bytes, so a
        /// file whose name is not UTF-8 can be named.
        #[arg(long, requires_all = ["start", "end"], conflicts_with = "query")]
        path: Option<PathBuf>,
        #[arg(long)]
        start: Option<usize>,
        #[arg(long)]
        end: Option<usize>,
        /// Tag every match of this query instead.
        #[arg(long, required_unless_present = "path")]
        query: Option<String>,
        #[arg(long)]
        tag: String,
        #[arg(long, default_value = "")]
        note: String,
        /// Who tags (default: $DAFTAR_ANNOTATOR, else $USER).
        #[arg(long)]
        annotator: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List every tagged passage, re-found in the current files.
    Tags {
        folder: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Export passages, statements, search hits or articles to a file (a
    /// folder for brat). Offsets are Unicode characters; texts use \n.
    Export {
        folder: PathBuf,
        /// passages, statements, hits or articles.
        #[arg(long)]
        what: String,
        /// csv, xlsx, jsonl, ron, md, brat, qdpx or webanno.
        #[arg(long)]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// Only articles matching this search (hits: its matches).
        #[arg(long)]
        query: Option<String>,
        /// Only passages of this tag (and the tags nested under it).
        #[arg(long)]
        tag: Option<String>,
        /// Only passages by this annotator.
        #[arg(long)]
        annotator: Option<String>,
        /// Statements of one side (SPEC as for `compare`); with --right, a comparison.
        #[arg(long)]
        left: Option<String>,
        #[arg(long)]
        right: Option<String>,
        /// Replace an existing file (or a non-empty brat folder).
        #[arg(long)]
        force: bool,
        /// Web Annotation: where the texts will be served, so each
        /// target's `source` is absolute (BASE/NAME-texts/FILE.txt).
        #[arg(long)]
        base_url: Option<String>,
        /// What start and end count: codepoints (Python, brat, REFI-QDA,
        /// Web Annotation) or utf16 (JavaScript, Excel; csv, xlsx and
        /// jsonl only).
        #[arg(long, default_value = "codepoints")]
        positions: String,
        #[arg(long)]
        json: bool,
    },
    /// Corpus statistics on search keys: a word list, n-grams, the
    /// collocates of a word, the keywords of one side against another, or
    /// where a term occurs over time.
    Stats {
        folder: PathBuf,
        #[command(subcommand)]
        table: StatsTable,
    },
    /// Which articles share passages (reprints), grouped into stories with
    /// the first publication of each.
    Reprints {
        folder: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// List the people, places and organisations the articles mention.
    Entities {
        folder: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic corpus for benchmarks.
    GenCorpus {
        #[arg(long)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure indexing and search on a folder (index built in a temporary folder).
    Bench {
        folder: PathBuf,
        #[arg(long)]
        json: bool,
        /// Measure the Statistics view's tables instead (word list,
        /// collocates, keyness, dispersion; issue 20's targets).
        #[arg(long)]
        stats: bool,
    },
    /// Lay out text (one paragraph per line) as the reader does and print
    /// each visual line.
    Layout {
        /// A UTF-8 text file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Line width in points.
        #[arg(long, default_value_t = 600.0)]
        width: f32,
        /// Font size in points.
        #[arg(long, default_value_t = 17.0)]
        font_size: f32,
        /// One JSON object per visual line, runs in visual order.
        #[arg(long)]
        json: bool,
        /// Print the time the layout took to standard error.
        #[arg(long)]
        timing: bool,
    },
}

/// What every table of `daftar stats` takes.
#[derive(clap::Args, Clone)]
struct StatsScope {
    /// Only articles matching this search.
    #[arg(long)]
    query: Option<String>,
    /// Only this side (SPEC as for `compare`: source, from, to, speaker).
    #[arg(long = "in", value_name = "SPEC")]
    within: Option<String>,
    /// At most this many rows (default: all with --json, 50 without).
    #[arg(long)]
    limit: Option<usize>,
    /// One JSON object per line.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum StatsTable {
    /// Every word (search key) with its commonest spelling, frequency,
    /// articles, per million and dispersion (Gries' DP), most frequent first.
    Words {
        /// Leave out the Persian stop words (assets/stats/stopwords-fa.txt).
        #[arg(long)]
        no_stop_words: bool,
        #[arg(long, default_value_t = 1)]
        min_freq: u64,
        #[command(flatten)]
        scope: StatsScope,
    },
    /// Sequences of N words within a paragraph.
    Ngrams {
        #[arg(long, default_value_t = 2)]
        n: usize,
        #[arg(long, default_value_t = 2)]
        min_freq: u64,
        /// In at least this many articles.
        #[arg(long, default_value_t = 1)]
        min_docs: u32,
        #[command(flatten)]
        scope: StatsScope,
    },
    /// Words near a word or phrase: log-Dice, MI, t-score, log-likelihood.
    Collocates {
        #[arg(value_name = "QUERY")]
        node: String,
        /// Words on each side.
        #[arg(long, default_value_t = 5)]
        window: usize,
        /// Words before (instead of --window).
        #[arg(long)]
        left: Option<usize>,
        /// Words after (instead of --window).
        #[arg(long)]
        right: Option<usize>,
        #[arg(long, default_value_t = 2)]
        min_freq: u64,
        #[command(flatten)]
        scope: StatsScope,
    },
    /// Keywords of one side against another (log-likelihood, log ratio).
    /// SPEC as for `compare`, or `all`, or `rest` (what the other side leaves).
    Keyness {
        #[arg(long)]
        left: String,
        #[arg(long)]
        right: String,
        /// On both sides together at least this many times.
        #[arg(long, default_value_t = 3)]
        min_freq: u64,
        #[command(flatten)]
        scope: StatsScope,
    },
    /// Every occurrence of a term (or of several, separated by commas) in
    /// date order, and its frequency per month.
    Dispersion {
        #[arg(value_name = "QUERY")]
        term: String,
        #[arg(long, value_enum, default_value = "jalali")]
        calendar: CalendarArg,
        /// Also save the plot (a barcode of the hits over monthly bars) as PNG.
        #[arg(long)]
        png: Option<PathBuf>,
        /// Also save the plot as SVG (its text as outlines).
        #[arg(long)]
        svg: Option<PathBuf>,
        /// The plot's language (months named, Persian digits with fa).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[command(flatten)]
        scope: StatsScope,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CalendarArg {
    Jalali,
    Gregorian,
}

impl CalendarArg {
    fn kind(self) -> daftar::dates::CalendarKind {
        match self {
            CalendarArg::Jalali => daftar::dates::CalendarKind::Jalali,
            CalendarArg::Gregorian => daftar::dates::CalendarKind::Gregorian,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Inspect {
            folder,
            json,
            with_text,
            explain,
        }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            match explain {
                Some(file) => daftar::cli::inspect::explain(&folder, &file, json, &mut out),
                None => daftar::cli::inspect::run(&folder, json, with_text, &mut out),
            }
        }
        Some(Command::Layout {
            file,
            width,
            font_size,
            json,
            timing,
        }) => daftar::cli::layout::read_input(file.as_deref()).and_then(|text| {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::layout::run(
                &text,
                json,
                |paragraphs| daftar::ui::fonts::headless_layouts(paragraphs, width, font_size),
                &mut out,
                timing,
            )
        }),
        Some(Command::Index { folder, json }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::search::run_index(&folder, json, &mut out)
        }
        Some(Command::Search {
            folder,
            query,
            limit,
            fresh,
            json,
        }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::search::run_search(&folder, &query, limit, fresh, json, &mut out)
        }
        Some(Command::Timeline {
            folder,
            by,
            calendar,
            query,
            json,
        }) => {
            let cal = calendar.kind();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::timeline::run(&folder, by, cal, query.as_deref(), json, &mut out)
        }
        Some(Command::Stats { folder, table }) => {
            use daftar::workspace::stats::Ask;
            let (ask, scope, files) = match table {
                StatsTable::Words {
                    no_stop_words,
                    min_freq,
                    scope,
                } => (
                    Ask::Words(daftar::stats::count::WordOptions {
                        no_stop_words,
                        min_freq,
                        containing: None,
                    }),
                    scope,
                    (None, None),
                ),
                StatsTable::Ngrams {
                    n,
                    min_freq,
                    min_docs,
                    scope,
                } => (
                    Ask::Ngrams {
                        n,
                        min_freq,
                        min_docs,
                    },
                    scope,
                    (None, None),
                ),
                StatsTable::Collocates {
                    node,
                    window,
                    left,
                    right,
                    min_freq,
                    scope,
                } => (
                    Ask::Collocates {
                        query: node,
                        left: left.unwrap_or(window),
                        right: right.unwrap_or(window),
                        min_freq,
                    },
                    scope,
                    (None, None),
                ),
                StatsTable::Keyness {
                    left,
                    right,
                    min_freq,
                    scope,
                } => (
                    Ask::Keyness {
                        left,
                        right,
                        min_freq,
                    },
                    scope,
                    (None, None),
                ),
                StatsTable::Dispersion {
                    term,
                    calendar,
                    png,
                    svg,
                    lang,
                    scope,
                } => {
                    if let Some(LangArg::Fa) = lang {
                        daftar::i18n::set(daftar::i18n::Lang::Fa, true);
                    }
                    (
                        Ask::Dispersion {
                            query: term,
                            calendar: calendar.kind(),
                        },
                        scope,
                        (png, svg),
                    )
                }
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let s = daftar::cli::stats::Scope {
                query: scope.query.as_deref(),
                within: scope.within.as_deref(),
                limit: scope.limit,
                json: scope.json,
                png: files.0,
                svg: files.1,
            };
            daftar::cli::stats::run(&folder, ask, &s, &mut out)
        }
        Some(Command::Reprints { folder, json }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::reprints::run(&folder, json, &mut out)
        }
        Some(Command::Compare {
            folder,
            left,
            right,
            json,
        }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::compare::run(&folder, &left, &right, json, &mut out)
        }
        Some(Command::Tag {
            folder,
            path,
            start,
            end,
            query,
            tag,
            note,
            annotator,
            json,
        }) => {
            let target = match (&path, start, end, &query) {
                (Some(p), Some(s), Some(e), _) => daftar::cli::tag::Target::Range {
                    path: p,
                    start: s,
                    end: e,
                },
                (_, _, _, Some(q)) => daftar::cli::tag::Target::Query(q),
                _ => {
                    eprintln!("daftar: give --path with --start and --end, or --query");
                    return ExitCode::FAILURE;
                }
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::tag::run_tag(
                &folder,
                target,
                &tag,
                &note,
                annotator.as_deref(),
                json,
                &mut out,
            )
        }
        Some(Command::Export {
            folder,
            what,
            format,
            out: path,
            query,
            tag,
            annotator,
            left,
            right,
            force,
            base_url,
            positions,
            json,
        }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let args = daftar::cli::export::Args {
                base_url: base_url.as_deref(),
                positions: &positions,
                what: &what,
                format: &format,
                out: &path,
                query: query.as_deref(),
                tag: tag.as_deref(),
                annotator: annotator.as_deref(),
                left: left.as_deref(),
                right: right.as_deref(),
                force,
                json,
            };
            daftar::cli::export::run(&folder, &args, &mut out)
        }
        Some(Command::Tags { folder, json }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::tag::run_tags(&folder, json, &mut out)
        }
        Some(Command::Entities { folder, json }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::entities::run(&folder, json, &mut out)
        }
        Some(Command::GenCorpus {
            articles,
            out,
            seed,
        }) => daftar::cli::gen_corpus::generate(articles, &out, seed).map(|bytes| {
            println!(
                "{articles} articles, {:.1} MB in {}",
                bytes as f64 / 1e6,
                out.display()
            );
        }),
        Some(Command::Bench {
            folder,
            json,
            stats,
        }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if stats {
                daftar::cli::bench::run_stats(&folder, json, &mut out)
            } else {
                daftar::cli::bench::run(&folder, json, &mut out)
            }
        }
        None => daftar::ui::run(daftar::ui::Start {
            folder: cli.path,
            article: cli.article,
            search: cli.search,
            concordance: cli.concordance,
            show_chrome: cli.show_chrome,
            calendar: cli.calendar.map(CalendarArg::kind),
            entity: cli.entity,
            compare: cli
                .compare
                .and_then(|v| Some((v.first()?.clone(), v.get(1)?.clone()))),
            problems: cli.problems,
            view: cli.view.map(|v| match v {
                ViewArg::Reader => daftar::ui::app::View::Reader,
                ViewArg::Concordance => daftar::ui::app::View::Concordance,
                ViewArg::Statements => daftar::ui::app::View::Statements,
                ViewArg::Compare => daftar::ui::app::View::Compare,
                ViewArg::Passages => daftar::ui::app::View::Passages,
                ViewArg::Statistics => daftar::ui::app::View::Statistics,
            }),
            ledger: cli.ledger,
            lang: cli.lang.map(|l| match l {
                LangArg::En => daftar::i18n::Lang::En,
                LangArg::Fa => daftar::i18n::Lang::Fa,
            }),
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("daftar: {e:#}");
            ExitCode::FAILURE
        }
    }
}
