//! A scratch copy of this workspace, for tests that edit sources and rebuild (`generate`, a
//! new entity file). The compiled dependencies are copied along with the sources' modification
//! times, so a build recompiles only what the test edited and what depends on it (seconds).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct ScratchWorkspace {
    pub root: PathBuf,
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("spawn");
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The profile directory (`…/debug`) this test binary was built into, wherever
/// `CARGO_TARGET_DIR` put it: the binary runs from its `deps/`.
fn built_profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .expect("the test binary runs from <target>/<profile>/deps")
}

impl ScratchWorkspace {
    /// Copies the workspace that holds `manifest_dir` (a crate's `CARGO_MANIFEST_DIR`).
    pub fn copy_of(manifest_dir: &str) -> Self {
        let source = Path::new(manifest_dir).join("../..");
        let root = std::env::temp_dir().join(format!(
            "{}scratch_{}",
            crate::PREFIX,
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&root).expect("scratch dir");
        // Modification times kept (`-p`): cargo rebuilds a local crate whose files are newer
        // than its last build, so a plain copy would rebuild every workspace and vendored
        // crate (a minute each time) where only the edited ones need it.
        for item in ["Cargo.toml", "Cargo.lock", "src", "crates", "vendor"] {
            run(Command::new("cp")
                .arg("-Rp")
                .arg(source.join(item))
                .arg(&root));
        }
        // A real copy, not hard links: cargo hashes workspace crates relative to the workspace
        // root, so the scratch build writes files of the same names, some in place, and a link
        // would write into the real build.
        let target = root.join("target/debug");
        std::fs::create_dir_all(&target).expect("target dir");
        let built = built_profile_dir();
        for dir in ["deps", "build", ".fingerprint"] {
            run(Command::new("cp")
                .arg("-a")
                .arg(built.join(dir))
                .arg(&target));
        }
        ScratchWorkspace { root }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).expect("read scratch file")
    }

    pub fn write(&self, relative: &str, text: &str) {
        std::fs::write(self.path(relative), text).expect("write scratch file");
    }

    /// Replaces `from` by `to` in a file, which must contain it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{from:?} not in {relative}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// Builds `manage-db` (offline, quietly) and returns the binary.
    pub fn build_manage_db(&self) -> PathBuf {
        // The whole workspace with its examples (none are copied), as `cargo test --workspace`
        // resolves features: dev-dependencies add some (tokio's `signal`), and a build of
        // `-p manage-db` alone would resolve without them and recompile tokio and all above it.
        run(self.command(Path::new(env!("CARGO"))).args([
            "build",
            "--offline",
            "-q",
            "--workspace",
            "--bins",
            "--examples",
        ]));
        self.root.join("target/debug/manage-db")
    }

    /// `program` run from the workspace root, building (if it builds) into the scratch target,
    /// without the variables cargo set for this test binary: a build script that watches one
    /// of them (ring's watches `CARGO_MANIFEST_DIR`) would otherwise be rerun, and everything
    /// above it rebuilt.
    pub fn command(&self, program: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", self.root.join("target"))
            .stdin(std::process::Stdio::null());
        let set_for_this_crate = [
            "CARGO_MANIFEST_",
            "CARGO_PKG_",
            "CARGO_CRATE_",
            "CARGO_BIN_",
            "CARGO_PRIMARY_PACKAGE",
            "CARGO_TARGET_TMPDIR",
        ];
        for (name, _) in std::env::vars_os() {
            let name = name.to_string_lossy();
            if set_for_this_crate.iter().any(|p| name.starts_with(p)) {
                command.env_remove(name.as_ref());
            }
        }
        command
    }

    /// `manage-db args…` from the workspace root against `url`.
    pub fn manage_db(&self, bin: &Path, url: &str, args: &[&str]) -> Output {
        self.command(bin)
            .args(args)
            .env("DATABASE_URL", url)
            .env_remove("DATABASE_URL_DIRECT")
            .env("RUST_LOG", "warn")
            .output()
            .expect("run the scratch manage-db")
    }
}

impl Drop for ScratchWorkspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
