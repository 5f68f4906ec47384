//! Which reader a file's bytes go to: a PDF, a Word document, a format
//! that is only named to say how to convert it, or text (None: the caller
//! decodes it). The bytes decide before the name does, since downloads are
//! often misnamed; the name decides for formats whose bytes are ambiguous
//! (an OLE2 file is .doc or .wps alike).

use super::{docx, pdf, LoadError, TextEncoding};

const PDF_MAGIC: &[u8] = b"%PDF-";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";

/// The text of a document that is not plain text or HTML, `lower` being
/// the file's name in lower case.
pub(crate) fn read_document(
    lower: &str,
    bytes: &[u8],
) -> Result<Option<(String, TextEncoding)>, LoadError> {
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    // A .pdf may have bytes before its header, which readers allow; a file
    // of another name is a PDF only when it opens with one.
    if bytes.starts_with(PDF_MAGIC) || ext == "pdf" && !bytes.is_empty() {
        return pdf::read(bytes).map(|t| Some((t, TextEncoding::Pdf)));
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return docx::read(bytes).map(|t| Some((t, TextEncoding::Docx)));
    }
    match ext {
        "docx" if !bytes.is_empty() => Err(LoadError::Damaged(
            "named .docx but not a Word document (not a zip archive)".to_owned(),
        )),
        "doc" => Err(LoadError::NotConverted("a Word 97-2003 .doc file")),
        "wps" => Err(LoadError::NotConverted("a WPS Office .wps file")),
        "rtf" => Err(LoadError::NotConverted("an RTF file")),
        _ if bytes.starts_with(OLE2_MAGIC) => {
            Err(LoadError::NotConverted("an old Office (.doc/.wps) file"))
        }
        _ if bytes.starts_with(b"{\\rtf") => Err(LoadError::NotConverted("an RTF file")),
        _ => Ok(None),
    }
}
