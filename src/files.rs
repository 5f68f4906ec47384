//! Reading the files a user names, which may be anything: only regular
//! files are read (a FIFO would wait for a writer forever, a device such
//! as /dev/zero never ends), and a size limit holds while reading, not
//! only by what the metadata said.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The largest config or choices file read: far beyond any real one.
const MAX_SMALL_FILE: u64 = 16 * 1024 * 1024;

/// A small text file the program keeps or the user writes (catalogues,
/// choices): a regular file only (a FIFO or a device would hang or never
/// end), read no further than the size limit, as UTF-8.
pub(crate) fn read_small_file(path: &Path) -> io::Result<String> {
    let bytes = read_regular(path, MAX_SMALL_FILE).map_err(|e| match e {
        ReadError::Io(e) => e,
        e @ ReadError::TooLarge { .. } => io::Error::new(io::ErrorKind::InvalidData, e.to_string()),
        e => io::Error::new(io::ErrorKind::InvalidInput, e.to_string()),
    })?;
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// Writes a file so that a reader sees the old content or the new, never
/// half of it: a temporary file beside it, flushed, then renamed over it.
/// The folder is made when missing.
/// A path that is a symbolic link is written through: the file it leads to
/// is replaced, and the link stays a link.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = &link_target(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where a chain of symbolic links starting at `path` ends (the path
/// itself when it is no link, or does not exist yet).
pub(crate) fn link_target(path: &Path) -> io::Result<std::path::PathBuf> {
    let mut at = path.to_owned();
    // As the kernel does, give up after 40 links: a loop would never end.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other(
        "a link loop (the link leads back to itself)",
    ))
}

/// A size as every message gives one: in MiB (2^20 bytes), the unit the
/// limits are set in, with a decimal only when it is not whole.
pub fn mib(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    match bytes % MIB {
        0 => format!("{} MiB", bytes / MIB),
        _ => format!("{:.1} MiB", bytes as f64 / MIB as f64),
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file ({0}); only files are read")]
    NotAFile(&'static str),
    #[error("a link loop (the link leads back to itself)")]
    LinkLoop,
    #[error("a link to a missing file")]
    BrokenLink,
    #[error("too large ({}; the limit is {})", mib(*.size), mib(*.limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("cannot read: {0}")]
    Io(io::Error),
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, e))?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = open_no_wait(path).map_err(|e| open_error(path, e))?;
    // The file checked above may have been replaced since: check what was
    // opened.
    let opened = file.metadata().map_err(ReadError::Io)?;
    if !opened.is_file() {
        return Err(ReadError::NotAFile(kind_of(&opened.file_type())));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens for reading without waiting: a FIFO put in a checked file's
/// place opens at once instead of blocking until a writer comes.
fn open_no_wait(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn open_error(path: &Path, e: io::Error) -> ReadError {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return ReadError::LinkLoop;
    }
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        io::ErrorKind::NotFound if is_link => ReadError::BrokenLink,
        _ => ReadError::Io(e),
    }
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        return "a folder";
    }
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read_and_the_limit_holds() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "一、总体情况").unwrap();
        assert_eq!(read_regular(&file, 100).unwrap(), "一、总体情况".as_bytes());
        assert!(matches!(
            read_regular(&file, 5),
            Err(ReadError::TooLarge { .. })
        ));
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(ReadError::NotAFile("a folder"))
        ));
        #[cfg(unix)]
        {
            assert!(matches!(
                read_regular(Path::new("/dev/zero"), 100),
                Err(ReadError::NotAFile("a device"))
            ));
            let fifo = dir.path().join("x.txt");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert!(matches!(
                    read_regular(&fifo, 100),
                    Err(ReadError::NotAFile("a FIFO"))
                ));
            }
            let lp = dir.path().join("loop.txt");
            std::os::unix::fs::symlink(&lp, &lp).unwrap();
            assert!(matches!(read_regular(&lp, 100), Err(ReadError::LinkLoop)));
            let dangling = dir.path().join("gone.txt");
            std::os::unix::fs::symlink(dir.path().join("nothing"), &dangling).unwrap();
            assert!(matches!(
                read_regular(&dangling, 100),
                Err(ReadError::BrokenLink)
            ));
        }
    }
}
