//! Drives the real app through tauri-driver and WebKitWebDriver, each test with its own
//! home and data folders so no test touches a real user's portfolios or another test's.

#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BINARY: &str = env!("CARGO_BIN_EXE_cmalt-portfolio-window");

/// The binary under test: this build's, or another (e.g. the release build, to time it)
/// named by CMALT_E2E_BINARY.
pub fn binary() -> String {
    std::env::var("CMALT_E2E_BINARY").unwrap_or_else(|_| BINARY.to_string())
}
const WAIT: Duration = Duration::from_secs(20);

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, driver: &mut Child) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = driver.try_wait() {
            panic!("tauri-driver exited early with {status}");
        }
        assert!(start.elapsed() < WAIT, "port {port} did not open in time");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A home folder for the app: `HOME`, `XDG_DATA_HOME`, `XDG_CONFIG_HOME` point inside it.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_folder(&self) -> PathBuf {
        self.path().join("data/cmalt-portfolio")
    }
}

/// The running app and the WebDriver session attached to it.
pub struct App {
    pub client: Client,
    driver: Child,
    home: PathBuf,
    pub launched_at: Instant,
}

impl App {
    pub async fn launch(home: &Home) -> App {
        App::launch_with(home, &[]).await
    }

    /// Launches with extra environment variables for the app (e.g. answers to file dialogs).
    pub async fn launch_with(home: &Home, env: &[(&str, &std::ffi::OsStr)]) -> App {
        App::launch_full(home, env, &[]).await
    }

    /// Launches with environment variables and command-line arguments (a folder to open).
    pub async fn launch_full(home: &Home, env: &[(&str, &std::ffi::OsStr)], args: &[&str]) -> App {
        let hooks: Vec<_> = env
            .iter()
            .filter(|(name, _)| name.starts_with("CMALT_PORTFOLIO_"))
            .collect();
        assert!(
            cfg!(feature = "test-hooks") || hooks.is_empty(),
            "this test answers file dialogs through the test-hooks feature: run it through scripts/test.sh, or with --features cmalt-portfolio/test-hooks"
        );
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the end-to-end tests need a display: run them through scripts/test.sh, which starts Xvfb"
        );
        let port = free_port();
        let native_port = free_port();
        let mut driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            // No session bus: the single-instance check must not hand a test's launch over
            // to another test's window, or to a developer's own running app.
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver must be installed (scripts/setup.sh test installs it)");
        // tauri-driver listens before its WebKitWebDriver child does: wait for both.
        wait_for_port(port, &mut driver);
        wait_for_port(native_port, &mut driver);
        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": binary(), "args": args }
        });
        let launched_at = Instant::now();
        let client = ClientBuilder::native()
            .capabilities(capabilities.as_object().unwrap().clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with the app");
        App {
            client,
            driver,
            home: home.path().to_path_buf(),
            launched_at,
        }
    }

    /// Closes the window as quitting does; dropping the app then stops tauri-driver.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    pub async fn testid(&self, id: &str) -> Element {
        self.find(&format!("[data-testid=\"{id}\"]")).await
    }

    /// Clicks the element `css` finds. The sidebar and pages re-render when a save or the
    /// checklist comes back, so an element found a moment ago can be replaced before the
    /// click lands: find it again and retry until the time limit.
    pub async fn click(&self, css: &str) {
        let start = Instant::now();
        loop {
            match self.find(css).await.click().await {
                Ok(_) => return,
                Err(_) if start.elapsed() < WAIT => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => panic!("could not click {css}: {error}"),
            }
        }
    }

    /// Clicks into `css` and types `text`, retrying as `click` does if the element is replaced.
    pub async fn type_into(&self, css: &str, text: &str) {
        let start = Instant::now();
        loop {
            let element = self.find(css).await;
            let typed = match element.click().await {
                Ok(_) => element.send_keys(text).await,
                Err(error) => Err(error),
            };
            match typed {
                Ok(()) => return,
                Err(_) if start.elapsed() < WAIT => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => panic!("could not type into {css}: {error}"),
            }
        }
    }

    /// Waits until `probe` returns true, failing with `what` after the time limit.
    pub async fn wait_until<F, Fut>(&self, what: &str, mut probe: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let start = Instant::now();
        while !probe().await {
            assert!(start.elapsed() < WAIT, "timed out waiting until {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn text_of(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn html_of(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element.html(true).await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn wait_for_text(&self, css: &str, needle: &str) {
        let what = format!("{css} shows {needle:?}");
        self.wait_until(&what, || async { self.text_of(css).await.contains(needle) })
            .await;
    }

    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Creates a portfolio from the start screen and waits for its sidebar.
    pub async fn create_portfolio(&self, title: &str, name: &str, pathway: &str) {
        self.click("[data-testid=\"new-portfolio\"]").await;
        self.type_into("[data-testid=\"new-title\"]", title).await;
        self.type_into("[data-testid=\"new-name\"]", name).await;
        self.click(&format!("input[name=\"pathway\"][value=\"{pathway}\"]"))
            .await;
        self.click("[data-testid=\"create-portfolio\"]").await;
        self.find("[data-testid=\"sidebar\"]").await;
    }

    /// Opens a section from the sidebar and waits for its editor.
    pub async fn open_section(&self, id: &str) {
        self.click(&format!(
            "[data-testid=\"sidebar\"] [data-section-id=\"{id}\"]"
        ))
        .await;
        self.wait_until(&format!("section {id} is open"), || async {
            let page = format!(
                "[data-section=\"{id}\"] [data-testid=\"editor-description\"] .editor-content"
            );
            self.exists(&page).await
        })
        .await;
    }

    /// Keys pressed as a person presses them, to whatever has focus, the caret left where it
    /// is (an element's `send_keys` may move it to the end first). `held` are held down
    /// around `keys`: `press(&[Key::Shift], &[Key::Left; 5])` selects five characters.
    pub async fn press(&self, held: &[fantoccini::key::Key], keys: &[char]) {
        press_keys(&self.client, held, keys).await;
    }

    pub async fn wait_saved(&self) {
        self.wait_until("everything is saved", || async {
            let status = self.text_of("[data-testid=\"save-status\"]").await;
            status.contains("Saved") && !status.contains("Not saved")
        })
        .await;
    }

    /// Saves a screenshot when CMALT_SCREENSHOTS names a folder, after two painted frames.
    pub async fn screenshot(&self, name: &str) {
        let Some(folder) = std::env::var_os("CMALT_SCREENSHOTS") else {
            return;
        };
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await;
        if let Ok(png) = self.client.screenshot().await {
            let folder = PathBuf::from(folder);
            let _ = std::fs::create_dir_all(&folder);
            let _ = std::fs::write(folder.join(format!("{name}.png")), png);
        }
    }
}

/// The app processes this test started: our binary, running with this test's home.
fn app_pids(home: &Path) -> Vec<String> {
    let marker = format!("HOME={}\0", home.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let path = entry.path();
            std::fs::read_link(path.join("exe")).is_ok_and(|exe| exe == Path::new(&binary()))
                && std::fs::read(path.join("environ"))
                    .is_ok_and(|env| String::from_utf8_lossy(&env).contains(&marker))
        })
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect()
}

fn signal(signal: &str, pid: &str) {
    let _ = Command::new("kill").args([signal, pid]).status();
}

impl Drop for App {
    /// Also runs when a test fails part-way, so no driver or window outlives its test, and
    /// the next launch never meets the previous one still holding the portfolio.
    fn drop(&mut self) {
        signal("-TERM", &self.driver.id().to_string());
        let _ = self.driver.wait();
        let start = Instant::now();
        loop {
            let pids = app_pids(&self.home);
            if pids.is_empty() {
                break;
            }
            let force = start.elapsed() > Duration::from_secs(5);
            for pid in &pids {
                signal(if force { "-KILL" } else { "-TERM" }, pid);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// [`App::press`] for any WebDriver session (the hello window's too).
pub async fn press_keys(client: &Client, held: &[fantoccini::key::Key], keys: &[char]) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".to_string());
    for key in held {
        actions = actions.then(KeyAction::Down {
            value: char::from(*key),
        });
    }
    for key in keys {
        actions = actions
            .then(KeyAction::Down { value: *key })
            .then(KeyAction::Up { value: *key });
    }
    for key in held.iter().rev() {
        actions = actions.then(KeyAction::Up {
            value: char::from(*key),
        });
    }
    client.perform_actions(actions).await.unwrap();
}
