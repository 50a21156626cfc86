# daftar — the window's messages in English (Project Fluent).
# Ids: the area, then what the message is. Every id is also in fa.ftl.

# Main window (app.rs): view tabs, toolbar and the empty reader
app-view-reader = Reader
app-view-concordance = Concordance
app-view-statements = Statements
app-view-compare = Compare
app-view-passages = Passages
app-tag = Tag…
app-tag-tip = Tag the selection, or the whole article without one
app-export = Export…
app-export-tip = Export what this view shows
app-undo = Undo
app-redo = Redo
app-cancel = Cancel
app-no-folder = Open a folder of articles (File > Open folder…, or drop it here)
app-choose-article = Choose an article from the list

# Main window (app.rs): notes after tagging, anchoring and correcting lines
app-note-no-target = open an article, or select a passage, first
app-note-article-gone = that article is no longer in the corpus
app-verdict-chrome = page chrome
app-verdict-body = article text
app-verdict-title = the title
app-marked = { $n ->
    [one] Marked as { $what }: { $n } article of this site changed
   *[other] Marked as { $what }: { $n } articles of this site changed
}
app-fixing = Passage #{ $id } lost its place. Select where it is now, then
app-anchor-here = Anchor here

# Main window (app.rs): menu bar
menu-file = File
menu-open-folder = Open folder…
menu-open-recent = Open recent
menu-nothing-yet = Nothing yet
menu-quit = Quit
menu-view = View
menu-text-size = Text size
menu-light-theme = Light theme
menu-dark-theme = Dark theme
menu-jalali-dates = Jalali dates
menu-gregorian-dates = Gregorian dates
menu-annotator = Annotator
menu-annotator-tip = Recorded with every passage you tag
menu-help = Help
menu-shortcuts = Keyboard shortcuts

# Main window (app.rs): the tag palette
tag-palette-title = Tag the selection
tag-palette-many = { $n } passages at once (one undo step)
tag-palette-tag = Tag
tag-palette-hint = type to filter or name a new tag
tag-palette-new = New tag: { $name }

# Main window (app.rs): "Who is tagging?" (asked on the first tag)
annotator-title = Who is tagging?
annotator-explain = Your name is recorded with every passage you tag.
annotator-name = Annotator
annotator-tag = Tag

# Main window (app.rs): Help › Keyboard shortcuts
shortcuts-title = Keyboard shortcuts
shortcuts-key-search = Ctrl+F
shortcuts-search = Search: to the search box
shortcuts-key-tag = { $first } … { $last }
shortcuts-tag = Tag the reader's selection with the tag of that key
shortcuts-key-undo = Ctrl+Z
shortcuts-undo = Undo the last tagging
shortcuts-key-redo = Ctrl+Shift+Z
shortcuts-redo = Redo
shortcuts-key-enter = Enter
shortcuts-enter = Tag the selection in the tag box; confirm a dialog
shortcuts-key-escape = Esc
shortcuts-escape = Close a dialog
shortcuts-key-double-click = Double-click
shortcuts-double-click = Select a word in the reader

# Main window (app.rs): the problems window (files that are no article)
problems-title = Problems

# Main window (app.rs): the open-folder dialog and the interrupted-load dialog
dialog-interrupted-title = The last load did not finish
dialog-interrupted-explain = When daftar last opened this folder, loading it did not finish (daftar was closed, stopped or crashed):
dialog-interrupted-not-reopened = It was not opened again this time.
dialog-open-again = Open it again
dialog-open-another = Open another folder…
dialog-not-now = Not now
dialog-no-folder-chosen = No folder chosen (or no file chooser on this desktop): type the path.
dialog-open-title = Open folder
dialog-folder-label = Folder of articles:
dialog-browse = Browse…
dialog-open = Open
dialog-not-a-folder = Not a folder: { $path }

# View › Language
menu-language = Language
menu-persian-digits = Persian digits

# Search box and results (search.rs)
search-label = Search
search-hint = words, "phrase", OR, -word, prefix*, date:{ $year }, source:, tag:
search-indexing = Indexing { $done } / { $total } articles…
search-preparing-index = Preparing the index…
search-unavailable = Search unavailable: { $error }
search-results = { $n ->
        [one] { $n } article
       *[other] { $n } articles
    } · { $ms } ms
search-best-shown = (best { $n } shown)
search-export-matches = Export matches…
search-export-matches-tip = Export every match
search-entity-filter = { $n } of the { $total } shown name the selected entity
search-tag-article = Tag this article…
search-tag-matches = { $n ->
        [one] Tag its match…
       *[other] Tag its { $n } matches…
    }

# Reader (reader.rs)
reader-line-is = This line, on every page of this site, is:
reader-mark-chrome = Page chrome (leave it out)
reader-mark-body = Article text (keep it)
reader-mark-title = The title (of this article)
reader-show-chrome = Show page chrome
reader-show-chrome-tip = Show the { $n } lines left out of the article (menus, site name, dateline …), greyed, with the reason on hover. Right-click a line to mark it as page chrome, as article text or as the title.
reader-match-of = Match { $n } of { $total }
reader-previous-match = Previous match
reader-next-match = Next match
reader-left-out = Left out of the article: { $why }

# Article list (article_list.rs)
list-sort = Sort:
list-sort-date = Date
list-sort-title = Title
list-sort-source = Source
list-sort-desc = { $name } (desc)
list-sort-asc = { $name } (asc)
list-export = Export list…
list-export-tip = Export the listed articles with their metadata

# Concordance (kwic.rs)
kwic-article-gone = This article is no longer in the corpus.
kwic-article-changed = The article changed since this search; search again to tag it.
kwic-no-search = Type a search to see its concordance.
kwic-sort = Sort:
kwic-sort-rank = By rank
kwic-sort-before = By words before
kwic-sort-after = By words after
kwic-tag-match = Tag this match…
kwic-tag-sentence = Tag its sentence…

# Status bar (status.rs)
status-no-folder = No folder open
status-files-progress = { $done } / { $total } files
status-scanning = Scanning the folder…
status-cancel = Cancel
status-loaded = { $n } articles loaded in { $secs } s
status-loaded-cancelled = { $n } articles loaded in { $secs } s (cancelled)
status-store-not-saved = Analysis not stored: the next open reads the files again
status-loaded-stored = { $n } articles loaded in { $secs } s; { $read } files read, the others unchanged since last time
status-problems = { $n ->
        [one] { $n } problem
       *[other] { $n } problems
    }
status-indexing = indexing { $done } / { $total }
status-index-rate = { $rate } articles/s, { $eta } s left
status-stop-indexing = Stop indexing
status-index-failed = search index: { $error }
status-annotations-unreadable = Annotations cannot be read: read-only
status-start-annotations-anew = Set the broken files aside and start anew

# Timeline strip (timeline.rs; the axis labels are drawn elsewhere)
timeline-show = Show
timeline-hide = Hide
timeline-title = Timeline
timeline-overlay-entity = Articles naming the selected entity over time ({ $n } matching), the whole corpus lighter behind
timeline-overlay-search = Search hits over time ({ $n } matching), the whole corpus lighter behind
timeline-legend = solid: page header · light: body · hatched: estimated · hollow: file time
timeline-clear-range = Clear range { $from } – { $to }
timeline-no-dates = No dated articles to show on a timeline.
timeline-histogram = Timeline histogram
timeline-count-failed = the timeline could not be counted: { $error }
timeline-tip-source = { $source }: { $n }
timeline-tip-sources-sep = { ", " }
timeline-tip =
    { $jalali_from } – { $jalali_to }
    { $from } – { $to }
    { $n } articles
    { $sources }

# The timeline's axis
timeline-undated = undated { $n }

## Entities sidebar (src/ui/panels/entities.rs)
entities-title = Entities
entities-count = { $n } in { $articles } articles
entities-counting-busy = counting…
entities-counting-failed = counting failed: { $error }
entities-counting = Counting…
entities-sort-name = Name
entities-sort-count = Count
entities-sort-count-tip = Most articles first
entities-filter-hint = Filter names
entities-kind-people = People
entities-kind-places = Places
entities-kind-orgs = Organisations
entities-group = { $kind } ({ $n })
entities-kind-person = person
entities-kind-place = place
entities-kind-org = org
entities-evidence-honorific = honorific
entities-evidence-role = role
entities-evidence-says = says
entities-evidence-family-name = family name
entities-evidence-head-noun = head noun
entities-list-separator = { ", " }
entities-kind-candidate = { $kind }, candidate
entities-kind-candidate-evidence = { $kind }, candidate ({ $evidence })
entities-articles-mentions = { $articles } articles, { $mentions } mentions
entities-clear = Clear
entities-most-often-with = Most often with:
entities-selected = Selected:
entities-new-kind = Kind of the new entity
entities-add = Add as entity
entities-kind = Kind
entities-confirm = Confirm
entities-not-entity = Not an entity
entities-edit-label = Other name, new name or entity to merge into:
entities-add-alias = Add alias
entities-rename = Rename
entities-merge-into = Merge into
entities-row-candidate = { $name } (candidate)
entities-row-label = { $name }: { $articles } articles, { $mentions } mentions

## Passages view and tag manager (src/ui/panels/passages.rs)
passages-tags = Tags ({ $n })
passages-tag-uses = { $n } passages
passages-tag-key-uses = key { $key } · { $n } passages
passages-parent-in = in
passages-parent-top = top
passages-merge-into = merge into
passages-rename = Rename
passages-delete = Delete
passages-renaming = Renaming
passages-new-name = New name
passages-rename-tag = Rename tag
passages-cancel = Cancel
passages-delete-uses = tags { $n } passages. Move them to
passages-delete-keep-untagged = no tag (keep them untagged)
passages-delete-tag = Delete tag
passages-untagged = Untagged
passages-orphaned-group = Orphaned: the text changed, fix or remove
passages-empty = No tagged passages yet: select a passage in the reader and press a tag's key ({ $first }–{ $last }) or use Tag…
passages-in-filter = { $shown } of { $total } passages in the current filter (time range, search, entity)
passages-passage-title = Passage #{ $id }
passages-orphaned = orphaned
passages-tags-label = Tags:
passages-tag-toggle-tip = Click to add or take off this tag
passages-note = Note:
passages-save-note = Save note
passages-anchor-anew = Anchor anew…
passages-anchor-anew-tip = Open its article and select where the passage is now
passages-remove = Remove passage

## Export dialog (src/ui/panels/export.rs)
export-title = Export
export-what = Export
export-kind-passages = Tagged passages
export-kind-statements = Statements (current filter)
export-kind-comparison = The comparison
export-kind-hits = Every match of the search
export-kind-articles = Articles with their metadata
export-tag = Tag
export-every-tag = every tag
export-annotator = Annotator
export-everyone = everyone
export-only-in-filter = Only articles in the current filter
export-compare-first = Compare two sides first (Compare view).
export-search-first = Type a search first.
export-format = Format
export-format-csv = CSV (spreadsheets)
export-format-jsonl = JSON Lines
export-format-ron = RON
export-format-markdown = Markdown report
export-format-brat = brat standoff (folder)
export-format-qdpx = REFI-QDA project (.qdpx)
export-format-webanno = { $org } Web Annotation (JSON-LD)
export-hint-brat = A folder: a .txt and an .ann per article, annotation.conf, visual.conf.
export-hint-webanno = The articles' texts are written beside it, in NAME-texts/.
export-hint-csv = { $encoding } with a byte-order mark, for spreadsheet programs.
export-format-xlsx = Spreadsheet (.xlsx)
export-hint-xlsx = Opens as it is in LibreOffice and Excel: right to left, dates as text in both calendars.
export-hint-offsets = Offsets count Unicode characters; line breaks are \n.
export-save-to = Save to
export-browse = Browse…
export-exists = { $path } exists. Replace it?
export-replace = Replace
export-keep = Keep it
export-button = Export
export-close = Close
export-progress = Exporting… { $done } / { $total } articles
export-what-passages = passages
export-what-statements = statements
export-what-hits = hits
export-what-articles = articles
export-wrote = Wrote { $n } { $what } from { $sources } articles to { $path } ({ $secs } s)
export-left-out = ({ $n } orphaned passages left out: fix them in the Passages view)
export-error-no-comparison = compare two sides first (Compare view)
export-error-no-path = type where to save the export
export-no-file-chosen = No file chosen (or no file chooser on this desktop): type the path.

## Compare view (src/ui/panels/compare.rs)
compare-left-side = Left side
compare-right-side = Right side
compare-left-speaker = Left speaker
compare-right-speaker = Right speaker
compare-anyone = anyone
compare-speaker-statements = { $n } statements
compare-from = from
compare-to = to
compare-outlet = outlet
compare-from-hint = from { $date }
compare-to-hint = to { $date }
compare-not-a-date = «{ $text }» is not a date ({ $a }, { $b }, { $c })
compare-aligned = Aligned
compare-ledger = Ledger
compare-comparing-busy = comparing…
compare-comparing = Comparing…
compare-failed = comparing failed: { $error }
compare-choose = Choose a speaker, a time range or an outlet for each side.
compare-summary = { $left } statements left, { $right } right, { $pairs } pairs (best first; shared words highlighted, reprinted quotes' changes underlined)
compare-unpaired = Unpaired
compare-unnamed = (unnamed)

## Statements view (src/ui/panels/statements.rs)
statements-none = No statements in these articles (or in the current filter).
statements-count = { $n } statements
statements-unnamed = (unnamed)
statements-tag-this = Tag this statement…

# The status bar's index report; an entity row's counts (articles, mentions)
status-index-report = index: { $added } added, { $updated } updated, { $removed } removed, { $unchanged } unchanged
entities-counts = { $articles } · { $mentions }

# Why a file is not read, and what reading one found wrong (from the
# loader: the command line and its JSON show these English texts)
problem-binary-nul = binary file (contains NUL bytes), not text
problem-binary-control = binary file (mostly control characters), not text
problem-not-regular = not a regular file (a pipe, socket or device): not read
problem-not-article-file = not an article file ({ $ext }): daftar reads .txt, .md, .html and .htm
problem-no-extension = not an article file (no extension): daftar reads .txt, .md, .html and .htm
problem-link-loop = symbolic link loop: not followed
problem-broken-link = broken symbolic link
problem-cannot-read = cannot read: { $error }
problem-outlets-unusable = { $error }; the bundled outlet names are used
problem-corrections-unusable = your corrections of page chrome cannot be used: { $error }
problem-internal = internal error while reading { $path }: { $error }
problem-too-large = too large: { $size } MiB (limit { $limit } MiB)
problem-empty = empty file
problem-html-too-large = HTML page too large to parse: { $size } MiB (limit { $limit } MiB for HTML)
problem-html-too-deep = HTML nested more than { $depth } elements deep (a broken or hostile page): not read
problem-html-no-text = no text in this HTML page
problem-whitespace = only whitespace, no text
warning-invalid-bytes = { $n } invalid byte sequence(s) in { $encoding } replaced by U+FFFD
warning-legacy-encoding = not UTF-8: decoded as legacy { $encoding }
warning-no-bom = { $encoding } without a byte-order mark
warning-file-name-not-utf8 = file name is not valid UTF-8: shown with replacement characters
warning-no-article-text = no article text found once page chrome is removed
warning-file-time = no date in the text: date taken from the file's modification time
warning-no-date = no date found
warning-weekday-conflict = weekday «{ $written }» contradicts { $date } (a { $weekday })

# Why a query cannot be searched (the query parser)
search-error-empty = the query is empty
search-error-unclosed-quote = a quotation mark is not closed: add " after the phrase
search-error-dangling-or = OR needs a word on each side
search-error-nothing = «{ $text }» has no letters or digits to search for
search-error-unknown-filter = unknown filter «{ $name }:»: use date:, source: or tag:
search-error-bad-date = «{ $value }» is not a date or date range (try date:1403-01-01..1403-06-31, date:1403 or date:2024-05)
search-error-only-exclusions = a search needs at least one word or filter besides the excluded ones
search-error-empty-filter = «{ $name }:» needs a value after the colon (for example { $example })
search-error-type-first = type a search first
search-error-index-not-ready = the search index is not ready yet
search-error-not-finished = the search has not finished yet

# Notes about the folder, the annotations and corrections (from the workspace)
note-entities-bundled-only = { $error }; using the bundled gazetteer only
note-annotations-read-only = { $error } (annotations are read-only)
note-set-aside = set aside: { $paths }
note-no-folder = no folder is open
note-wait-for-load = wait until the folder has loaded
note-corrections-not-saved = corrections are not saved: { $error }
note-not-watching = not watching the folder for changes: { $error }

## The Statistics view
app-view-statistics = Statistics
stats-tab-words = Word list
stats-tab-ngrams = N-grams
stats-tab-collocates = Collocates
stats-tab-keyness = Keyness
stats-tab-dispersion = Dispersion
stats-after-load = Statistics are counted once the folder has loaded.
stats-counting = Counting words: { $done } of { $total } articles
stats-cancel = Cancel
stats-count-again = Count the words
stats-type-first = Type a word or phrase (or both sides) above.
stats-filter = Filter
stats-no-stop-words = Leave out stop words
stats-no-stop-words-tip = Function words (prepositions, conjunctions, pronouns, auxiliaries): the list in assets/stats/stopwords-fa.txt
stats-n = Words:
stats-min-freq = At least
stats-node = Word or phrase
stats-window-before = Words before
stats-window-after = Words after
stats-side-left = Left side
stats-side-right = Right side
stats-term = Terms (commas between)
stats-save-to = Save as
stats-saved = Saved { $path }
stats-col-word = Word
stats-col-ngram = N-gram
stats-col-collocate = Collocate
stats-col-freq = Frequency
stats-col-per-million = Per million
stats-col-docs = Articles
stats-col-dp = DP (spread)
stats-col-ll = Log-likelihood
stats-col-left = Left
stats-col-right = Right
stats-col-log-ratio = Log ratio
stats-col-period = Month
stats-summary = { $words } words in { $articles } articles; { $types } distinct
stats-summary-ngrams = { $n } n-grams in { $words } words
stats-summary-collocates = The node occurs { $node } times in { $words } words
stats-summary-keyness = Left side { $left } words, right side { $right } words
stats-summary-dispersion = { $hits } hits in { $articles } articles
stats-pair-title = «{ $node }» with «{ $collocate }»
stats-keyword-title = «{ $word }» on each side
stats-plot-title = Dispersion of «{ $term }»: { $hits } hits
stats-plot-strip = { $articles } articles in date order
stats-plot-bars = Per million words, by month
kwic-back-to-search = Back to the search
kwic-none = No line to show.
stats-words-damaged = The stored word counts were damaged: counted again.
stats-words-unstored = Cannot store the word counts in { $path }: { $error }. They are counted again next time.
stats-words-failed = Counting the words stopped unexpectedly (internal error).
stats-min-docs = in articles, at least
stats-spelling-arabic-yeh = Arabic yeh
stats-spelling-invisible = an invisible mark
