use lawgov_tui::Library;
fn main() {
    let lib = Library::bundled();
    for r in &lib.reports {
        println!("{} {:?} chrome={:?}", r.file, r.meta, r.chrome_lines());
        for h in &r.headings { println!("  H{} {}{} l{} {}", h.level, h.marker, h.title, h.line, h.inline_body); }
        for i in &r.items { println!("  I {} l{} {} {:?}", i.marker, i.line, i.text_start, i.heading); }
        println!("  {:?}", r.parts);
    }
}
