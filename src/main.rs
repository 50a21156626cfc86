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
    /// Folder of articles to open in the GUI (default: the bundled sample corpus).
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Inspect {
            folder,
            json,
            with_text,
        }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            daftar::cli::inspect::run(&folder, json, with_text, &mut out)
        }
        None => daftar::ui::run(cli.path),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("daftar: {e:#}");
            ExitCode::FAILURE
        }
    }
}
