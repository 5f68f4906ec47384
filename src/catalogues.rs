//! The catalogues a session reads with: indicators (which quantity a
//! figure is) and topics (what a section is about). The built-in ones are
//! compiled in; the program adds the user's files from the config folder
//! once, at start, and passes the result down. Nothing reads a catalogue
//! from a global, so a library user or a test gets exactly the catalogues
//! it asks for, whatever the machine's config folder holds.

use std::path::Path;
use std::sync::LazyLock;

use crate::catalogue_file::CatalogueError;
use crate::compare::topics;
use crate::figures::indicators;

#[derive(Debug, Clone)]
pub struct Catalogues {
    pub indicators: indicators::Catalogue,
    pub topics: topics::TopicCatalogue,
}

static BUILTIN: LazyLock<Catalogues> = LazyLock::new(|| Catalogues {
    indicators: indicators::Catalogue::builtin().clone(),
    topics: topics::TopicCatalogue::builtin().clone(),
});

impl Catalogues {
    /// The catalogues compiled into the program, built once per process.
    pub fn builtin() -> &'static Catalogues {
        &BUILTIN
    }

    /// The built-in catalogues extended by the user's files in the config
    /// folder. A broken file leaves its built-in catalogue in use and an
    /// error for the program to show as a warning.
    pub fn with_user_files() -> (Catalogues, Vec<CatalogueError>) {
        match crate::paths::config_dir() {
            Some(dir) => Catalogues::with_files_in(&dir),
            None => (Catalogues::builtin().clone(), Vec::new()),
        }
    }

    /// [`Catalogues::with_user_files`] with the user's files read from `dir`.
    pub(crate) fn with_files_in(dir: &Path) -> (Catalogues, Vec<CatalogueError>) {
        let mut errors = Vec::new();
        let indicators = user_file(dir, "indicators.toml", &mut errors, |p| {
            indicators::Catalogue::with_user_file(p)
        })
        .unwrap_or_else(|| Catalogues::builtin().indicators.clone());
        let topics = user_file(dir, "topics.toml", &mut errors, |p| {
            topics::TopicCatalogue::with_user_file(p)
        })
        .unwrap_or_else(|| Catalogues::builtin().topics.clone());
        (Catalogues { indicators, topics }, errors)
    }
}

/// The catalogue a user file `name` in `dir` makes, when the file exists
/// and reads; its error goes to `errors`.
fn user_file<C>(
    dir: &Path,
    name: &str,
    errors: &mut Vec<CatalogueError>,
    read: impl Fn(&Path) -> Result<(C, Vec<CatalogueError>), CatalogueError>,
) -> Option<C> {
    let path = dir.join(name);
    // A name that exists but cannot be read (a folder, a dangling link)
    // is the user's mistake to hear about, not a file to pass over.
    std::fs::symlink_metadata(&path).ok()?;
    let (c, refused) = read(&path).map_err(|e| errors.push(e)).ok()?;
    errors.extend(refused);
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_user_file_leaves_the_builtin_and_says_which_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("indicators.toml"), "[[indicator]]\nid = 3").unwrap();
        let (c, errors) = Catalogues::with_files_in(dir.path());
        assert_eq!(errors.len(), 1);
        let e = errors[0].to_string();
        assert!(e.contains("indicators.toml") && !e.contains('\n'), "{e}");
        assert_eq!(
            c.indicators.indicators.len(),
            Catalogues::builtin().indicators.indicators.len()
        );
    }

    #[test]
    fn no_user_files_is_the_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let (c, errors) = Catalogues::with_files_in(dir.path());
        assert!(errors.is_empty());
        assert_eq!(
            c.topics.topics.len(),
            Catalogues::builtin().topics.topics.len()
        );
    }

    fn refused(file: &str, text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file), text).unwrap();
        let (_, errors) = Catalogues::with_files_in(dir.path());
        assert_eq!(errors.len(), 1, "{file}: {text}");
        let e = errors[0].to_string();
        assert!(
            e.contains(file) && !e.contains('\n') && e.chars().count() < 400,
            "{e}"
        );
        e
    }

    /// Careless or hostile catalogues are refused with one line naming the
    /// file and the entry; none panics or takes over the figures.
    #[test]
    fn bad_entries_are_refused_with_one_line() {
        let topic = |terms: &str, weight: &str| {
            format!("[[topic]]\nid = \"t\"\nname = \"T\"\n[[topic.keywords]]\nweight = {weight}\nterms = {terms}\n")
        };
        assert!(refused("topics.toml", &topic("[\"\"]", "1")).contains("empty"));
        for weight in ["inf", "nan", "1e308", "0", "-2", "1001"] {
            let e = refused("topics.toml", &topic("[\"河长\"]", weight));
            assert!(e.contains("above 0 and at most 1000"), "{e}");
        }
        let e = refused("topics.toml", &topic("[\"河长\"]", "1e308"));
        assert!(
            e.contains("weight 1e308 is out of range") && !e.contains("inf"),
            "{e}"
        );
        let ind = "[[indicator]]\nid = \"x\"\nname = \"X\"\naliases = [\"\"]\nunit = \"件\"\nkind = \"count\"\n";
        assert!(refused("indicators.toml", ind).contains("empty"));
        let deep = format!("a = {}1{}", "[".repeat(5000), "]".repeat(5000));
        refused("indicators.toml", &deep);
    }

    #[test]
    fn a_large_user_catalogue_adds_every_entry_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&format!(
                "[[topic]]\nid = \"t{i}\"\nname = \"T\"\n[[topic.keywords]]\nweight = 1\nterms = [\"词{i}\"]\n"
            ));
        }
        // One id twice: the later replaces the earlier.
        text.push_str("[[topic]]\nid = \"t7\"\nname = \"again\"\n[[topic.keywords]]\nweight = 1\nterms = [\"又\"]\n");
        std::fs::write(dir.path().join("topics.toml"), text).unwrap();
        let (c, errors) = Catalogues::with_files_in(dir.path());
        assert!(errors.is_empty(), "{errors:?}");
        let builtin = Catalogues::builtin().topics.topics.len();
        assert_eq!(c.topics.topics.len(), builtin + 20_000);
        assert_eq!(c.topics.get("t7").unwrap().name, "again");
    }
}
