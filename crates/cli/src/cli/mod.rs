//! The headless command line: no window toolkit, no display needed. Each subcommand calls
//! the core and prints what happened in plain words; with none, the window starts.

mod attach;
mod check;
mod export;
mod import;
mod new;
mod review;
mod terminal;
mod versions;
mod window;

use clap::{Parser, Subcommand, ValueEnum};
use cmalt_core::framework::{Framework, PathwayId};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "cmalt-portfolio",
    version,
    about = "Write, check and export a CMALT portfolio. With no command, opens the app's window.",
    after_help = "CMALT Portfolio is an independent app, not made or endorsed by the Association for Learning Technology (ALT)."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A portfolio folder to open in the window (the same as `open PORTFOLIO_DIR`).
    #[arg(value_name = "PORTFOLIO_DIR")]
    pub folder: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Open a portfolio folder in the app's window (as "Open with" from a file manager does).
    Open { portfolio_dir: PathBuf },
    /// Create a new portfolio folder (refuses, changing nothing, if one is already there).
    New {
        /// The folder to create the portfolio in; it must be new or empty.
        portfolio_dir: PathBuf,
        #[arg(long, value_enum)]
        pathway: PathwayArg,
        #[arg(long, default_value = "")]
        title: String,
        /// Your name, as the candidate.
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Add a file (at most 1 MB) or a web link to a portfolio's evidence library.
    Attach {
        portfolio_dir: PathBuf,
        /// The file to copy into the portfolio (leave out with --url).
        #[arg(required_unless_present = "url", conflicts_with = "url")]
        file: Option<PathBuf>,
        /// A stable http(s) address to add as a link instead of a file.
        #[arg(long)]
        url: Option<String>,
        /// The item's title (a file's own name when left out; links need one).
        #[arg(long, default_value = "")]
        title: String,
        /// A section that cites the item (e.g. 1a); repeat for several.
        #[arg(long = "section")]
        sections: Vec<String>,
    },
    /// Check a portfolio against its pathway's rules before submitting, and list what to
    /// look at before you share it (personal data, photo details, links, formats, pictures
    /// without a text alternative), each with an id. It only reads the portfolio, unless a
    /// fix is asked for: then it opens it as the app does (not while the app has it open).
    /// Exits 0 when there are no errors (warnings and "Before you share" findings are
    /// advice), 1 when there are errors, 2 when the portfolio cannot be read or opened,
    /// 3 when a fix asked for could not be made (the others are still made).
    Check {
        portfolio_dir: PathBuf,
        /// Print the checklist as JSON instead of plain words (the findings are under
        /// "before_sharing").
        #[arg(long)]
        json: bool,
        /// Also try every web link on the internet, reporting dead and moved ones (slow:
        /// each link is asked for, a few at a time).
        #[arg(long)]
        links_online: bool,
        /// Try only the web links on the internet: "Before you share" then lists what that
        /// finds and nothing else, without reading the evidence files (the window asks for
        /// this, having made the other checks itself). The checklist is still given.
        #[arg(long, conflicts_with_all = ["fix_image_metadata", "redact", "agree"])]
        only_links_online: bool,
        /// Store a copy of every photo that still records where it was taken, its camera's
        /// serial number or its owner without those details (your own files are untouched).
        #[arg(long)]
        fix_image_metadata: bool,
        /// Replace the passage of a finding with what can stand in its place ("[learner]",
        /// "[email address]"), by the id the check shows; repeat for several.
        #[arg(long, value_name = "FINDING_ID")]
        redact: Vec<String>,
        /// Mark a finding as fine to share ("this is my own address"), by its id, so it is
        /// not reported again; repeat for several.
        #[arg(long, value_name = "FINDING_ID")]
        agree: Vec<String>,
    },
    /// Bring a draft in as a new portfolio: a Markdown (.md) file or a Word (.docx) document.
    /// Exits 0 when imported (text that fits no section is kept and listed), 1 when refused.
    Import {
        /// The draft to read; what it is is judged from its content.
        file: PathBuf,
        /// The folder for the new portfolio; it must be new or empty.
        #[arg(long)]
        out: PathBuf,
        /// The pathway, when the draft should not decide it.
        #[arg(long, value_enum)]
        pathway: Option<PathwayArg>,
        /// Print the report as JSON instead of plain words.
        #[arg(long)]
        json: bool,
    },
    /// Export the portfolio for the assessors, and report its size against the 10 MB limit.
    /// Exits 0 when written, 1 when refused (e.g. the target exists), 2 when unreadable.
    Export {
        portfolio_dir: PathBuf,
        /// html: a folder with index.html; zip: the same as one .zip; single-html: one page;
        /// pdf: an A4 PDF (needs the Liberation fonts: package fonts-liberation2).
        /// docx: one Word document with its pictures inside.
        #[arg(long, value_enum)]
        format: export::ExportFormatArg,
        /// Where to write the folder or file; it must not exist yet (see --replace).
        #[arg(long, required_unless_present = "estimate")]
        out: Option<PathBuf>,
        /// single-html only: embed every attached file, not only the images.
        #[arg(long)]
        embed_files: bool,
        /// Replace an earlier export at --out (anything else there is never replaced).
        #[arg(long)]
        replace: bool,
        /// Add a "Summary of revisions" since this snapshot (a re-submission after a
        /// referral): what changed in each section, with the assessors' ratings.
        #[arg(long, value_name = "SNAPSHOT_ID")]
        revisions_since: Option<String>,
        /// Write nothing: print the size the export would have against the 10 MB limit.
        #[arg(long)]
        estimate: bool,
        /// Print the outcome (or the size, or the refusal) as JSON on standard output.
        #[arg(long)]
        json: bool,
    },
    /// Keep the portfolio as it is now, with its evidence files, as a snapshot that never
    /// changes. Prints only the new snapshot's id. Exits 1 when refused, 2 when unreadable.
    Snapshot {
        portfolio_dir: PathBuf,
        /// A few words saying what this version is, e.g. "Sent for assessment".
        #[arg(long, default_value = "")]
        label: String,
        /// This is the version sent to the assessors.
        #[arg(long)]
        submitted: bool,
    },
    /// A mentor's review through Word: `review export` writes a review copy, `review import`
    /// reads the returned file's comments and suggestions, `review list` shows what is open.
    Review {
        #[command(subcommand)]
        command: review::ReviewCommand,
    },
    /// List the portfolio's snapshots, newest first (id, date, label, submitted).
    Snapshots { portfolio_dir: PathBuf },
    /// What changed in each section since a snapshot, in words added and removed.
    /// Exits 0 when compared, 1 when the snapshot is unknown, 2 when unreadable.
    Changes {
        portfolio_dir: PathBuf,
        /// The snapshot's id, as `snapshot` printed it or `snapshots` lists it.
        #[arg(long)]
        since: String,
        /// Print the comparison as JSON instead of plain words.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PathwayArg {
    Associate,
    Cmalt,
    Senior,
}

impl From<PathwayArg> for PathwayId {
    fn from(arg: PathwayArg) -> Self {
        match arg {
            PathwayArg::Associate => PathwayId::Associate,
            PathwayArg::Cmalt => PathwayId::Cmalt,
            PathwayArg::Senior => PathwayId::Senior,
        }
    }
}

/// Runs the subcommand given, or with none starts the window. Returns the exit code.
pub fn main_entry() -> i32 {
    let cli = Cli::parse();
    match (cli.command, cli.folder) {
        (Some(command), _) => run(command),
        (None, Some(portfolio_dir)) => window::open(&portfolio_dir),
        (None, None) => window::start(None),
    }
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> i32 {
    let framework = match Framework::bundled() {
        Ok(framework) => Arc::new(framework),
        Err(error) => {
            terminal::fail(&error);
            return 2;
        }
    };
    match command {
        // The window reads the framework itself.
        Command::Open { portfolio_dir } => window::open(&portfolio_dir),
        Command::New {
            portfolio_dir,
            pathway,
            title,
            name,
        } => new::run(framework, &portfolio_dir, pathway.into(), &title, &name),
        Command::Attach {
            portfolio_dir,
            file,
            url,
            title,
            sections,
        } => attach::run(
            framework,
            attach::AttachArgs {
                portfolio_dir,
                file,
                url,
                title,
                sections,
            },
        ),
        Command::Check {
            portfolio_dir,
            json,
            links_online,
            only_links_online,
            fix_image_metadata,
            redact,
            agree,
        } => check::run(
            &framework,
            check::CheckArgs {
                portfolio_dir: &portfolio_dir,
                json,
                links_online,
                only_links_online,
                fix_image_metadata,
                redact: &redact,
                agree: &agree,
            },
        ),
        Command::Import {
            file,
            out,
            pathway,
            json,
        } => import::run(
            &framework,
            import::ImportArgs {
                input: &file,
                out: &out,
                pathway: pathway.map(Into::into),
                json,
            },
        ),
        Command::Export {
            portfolio_dir,
            format,
            out,
            embed_files,
            replace,
            revisions_since,
            estimate,
            json,
        } => export::run(
            &framework,
            export::ExportArgs {
                portfolio_dir: &portfolio_dir,
                format: format.into(),
                out: out.as_deref().filter(|_| !estimate),
                embed_files,
                replace,
                revisions_since: revisions_since.as_deref(),
                json,
            },
        ),
        Command::Snapshot {
            portfolio_dir,
            label,
            submitted,
        } => versions::snapshot(&portfolio_dir, &label, submitted),
        Command::Snapshots { portfolio_dir } => versions::snapshots(&portfolio_dir),
        Command::Review { command } => review::run(framework, command),
        Command::Changes {
            portfolio_dir,
            since,
            json,
        } => versions::changes(&framework, &portfolio_dir, &since, json),
    }
}
