# daftar — پیام‌های پنجره به فارسی (Project Fluent).
# شناسه‌ها همان شناسه‌های en.ftl هستند.

# Main window (app.rs): view tabs, toolbar and the empty reader
app-view-reader = خواندن
app-view-concordance = هم‌نمایه
app-view-statements = گفته‌ها
app-view-compare = مقایسه
app-view-passages = گزیده‌ها
app-tag = برچسب…
app-tag-tip = برچسب‌زدن به متن انتخاب‌شده، یا به کل خبر اگر چیزی انتخاب نشده است
app-export = برون‌بری…
app-export-tip = برون‌بری آنچه این نما نشان می‌دهد
app-undo = واگرد
app-redo = ازنو
app-cancel = لغو
app-no-folder = پوشه‌ای از خبرها را باز کنید (پرونده > باز کردن پوشه…، یا آن را اینجا رها کنید)
app-choose-article = خبری را از فهرست انتخاب کنید

# Main window (app.rs): notes after tagging, anchoring and correcting lines
app-note-no-target = نخست خبری را باز کنید یا بخشی از متن را انتخاب کنید
app-note-article-gone = آن خبر دیگر در پیکره نیست
app-verdict-chrome = قاب صفحه
app-verdict-body = متن خبر
app-verdict-title = عنوان خبر
app-marked = { $what } دانسته شد: { $n } خبر از این وبگاه تغییر کرد
app-fixing = جای گزیدهٔ شمارهٔ { $id } گم شده است. جای کنونی‌اش را انتخاب کنید، سپس
app-anchor-here = همین‌جا لنگر بینداز

# Main window (app.rs): menu bar
menu-file = پرونده
menu-open-folder = باز کردن پوشه…
menu-open-recent = پوشه‌های اخیر
menu-nothing-yet = هنوز چیزی نیست
menu-quit = خروج
menu-view = نما
menu-text-size = اندازهٔ متن
menu-light-theme = پوستهٔ روشن
menu-dark-theme = پوستهٔ تیره
menu-jalali-dates = تاریخ جلالی
menu-gregorian-dates = تاریخ میلادی
menu-annotator = حاشیه‌نویس
menu-annotator-tip = با هر گزیده‌ای که برچسب می‌زنید ثبت می‌شود
menu-help = راهنما
menu-shortcuts = میان‌برهای صفحه‌کلید

# Main window (app.rs): the tag palette
tag-palette-title = برچسب‌زدن به انتخاب
tag-palette-many = { $n } گزیده با هم (یک گام واگرد)
tag-palette-tag = برچسب
tag-palette-hint = بنویسید تا برچسب‌ها پالایش شوند، یا نام برچسبی تازه بگذارید
tag-palette-new = برچسب تازه: { $name }

# Main window (app.rs): "Who is tagging?" (asked on the first tag)
annotator-title = چه کسی برچسب می‌زند؟
annotator-explain = نام شما با هر گزیده‌ای که برچسب می‌زنید ثبت می‌شود.
annotator-name = حاشیه‌نویس
annotator-tag = برچسب بزن

# Main window (app.rs): Help › Keyboard shortcuts
shortcuts-title = میان‌برهای صفحه‌کلید
shortcuts-key-search = Ctrl+F
shortcuts-search = جست‌وجو: رفتن به کادر جست‌وجو
shortcuts-key-tag = { $first } … { $last }
shortcuts-tag = برچسب‌زدن به متن انتخاب‌شده در خواندن، با برچسبِ آن کلید
shortcuts-key-undo = Ctrl+Z
shortcuts-undo = واگرد آخرین برچسب‌زدن
shortcuts-key-redo = Ctrl+Shift+Z
shortcuts-redo = ازنو
shortcuts-key-enter = Enter
shortcuts-enter = برچسب‌زدن به انتخاب در کادر برچسب؛ تأیید پنجرهٔ گفتگو
shortcuts-key-escape = Esc
shortcuts-escape = بستن پنجرهٔ گفتگو
shortcuts-key-double-click = دو بار کلیک
shortcuts-double-click = انتخاب یک واژه در خواندن

# Main window (app.rs): the problems window (files that are no article)
problems-title = مشکل‌ها

# Main window (app.rs): the open-folder dialog and the interrupted-load dialog
dialog-interrupted-title = بارگذاری پیشین تمام نشد
dialog-interrupted-explain = آخرین باری که daftar این پوشه را باز کرد، بارگذاری آن تمام نشد (برنامه بسته شد، متوقف شد یا از کار افتاد):
dialog-interrupted-not-reopened = این بار دوباره باز نشد.
dialog-open-again = دوباره باز کن
dialog-open-another = باز کردن پوشه‌ای دیگر…
dialog-not-now = فعلاً نه
dialog-no-folder-chosen = پوشه‌ای انتخاب نشد (یا این میزکار پنجرهٔ انتخاب پرونده ندارد): مسیر را بنویسید.
dialog-open-title = باز کردن پوشه
dialog-folder-label = پوشهٔ خبرها:
dialog-browse = مرور…
dialog-open = باز کن
dialog-not-a-folder = پوشه نیست: { $path }

# View › Language
menu-language = زبان
menu-persian-digits = رقم‌های فارسی

# Search box and results (search.rs)
search-label = جست‌وجو
search-hint = واژه‌ها، "عبارت"، OR، -واژه، پیشوند*، date:{ $year }، source:، tag:
search-indexing = نمایه‌سازی { $done } از { $total } خبر…
search-preparing-index = آماده‌سازی نمایه…
search-unavailable = جست‌وجو در دسترس نیست: { $error }
search-results = { $n } خبر، { $ms } میلی‌ثانیه
search-best-shown = (نمایش { $n } مورد برتر)
search-export-matches = برون‌بری موارد…
search-export-matches-tip = برون‌بری همهٔ موارد یافته‌شده
search-entity-filter = { $n } خبر از { $total } خبرِ نمایش‌داده‌شده از نام‌ویژهٔ برگزیده نام می‌برد
search-tag-article = برچسب‌گذاری این خبر…
search-tag-matches = { $n ->
        [one] برچسب‌گذاری مورد یافته‌شده…
       *[other] برچسب‌گذاری { $n } مورد یافته‌شده…
    }

# Reader (reader.rs)
reader-line-is = در همهٔ صفحه‌های این وبگاه، این سطر:
reader-mark-chrome = قاب صفحه است (کنار گذاشته شود)
reader-mark-body = متن خبر است (نگه داشته شود)
reader-mark-title = عنوان (این خبر) است
reader-show-chrome = نمایش قاب صفحه
reader-show-chrome-tip = نمایش { $n } سطری که از خبر کنار گذاشته شده‌اند (فهرست‌ها، نام وبگاه، سطر تاریخ …)، به رنگ خاکستری و با دلیلشان هنگام نگه‌داشتن نشانگر روی آن‌ها. با کلیک راست روی یک سطر، آن را قاب صفحه، متن خبر یا عنوان علامت بزنید.
reader-match-of = مورد { $n } از { $total }
reader-previous-match = مورد قبلی
reader-next-match = مورد بعدی
reader-left-out = کنارگذاشته‌شده از خبر: { $why }

# Article list (article_list.rs)
list-sort = مرتب‌سازی:
list-sort-date = تاریخ
list-sort-title = عنوان
list-sort-source = منبع
list-sort-desc = { $name } (نزولی)
list-sort-asc = { $name } (صعودی)
list-export = برون‌بری فهرست…
list-export-tip = برون‌بری خبرهای فهرست با فراداده‌هایشان

# Concordance (kwic.rs)
kwic-article-gone = این خبر دیگر در پیکره نیست.
kwic-article-changed = این خبر پس از این جست‌وجو تغییر کرده است؛ برای برچسب‌گذاری، دوباره جست‌وجو کنید.
kwic-no-search = برای دیدن هم‌نمایه، چیزی را جست‌وجو کنید.
kwic-sort = مرتب‌سازی:
kwic-sort-rank = بر پایهٔ رتبه
kwic-sort-before = بر پایهٔ واژه‌های پیشین
kwic-sort-after = بر پایهٔ واژه‌های پسین
kwic-tag-match = برچسب‌گذاری این مورد…
kwic-tag-sentence = برچسب‌گذاری جملهٔ آن…

# Status bar (status.rs)
status-no-folder = هیچ پوشه‌ای باز نیست
status-files-progress = { $done } از { $total } پرونده
status-scanning = در حال بررسی پوشه…
status-cancel = لغو
status-loaded = { $n } خبر در { $secs } ثانیه بارگذاری شد
status-loaded-cancelled = { $n } خبر در { $secs } ثانیه بارگذاری شد (لغو شد)
status-store-not-saved = تحلیل ذخیره نشد: دفعهٔ بعد پرونده‌ها دوباره خوانده می‌شوند
status-loaded-stored = { $n } خبر در { $secs } ثانیه بارگذاری شد؛ { $read } پرونده خوانده شد و بقیه از دفعهٔ پیش تغییری نکرده بود
status-problems = { $n } مشکل
status-indexing = نمایه‌سازی { $done } از { $total }
status-index-rate = { $rate } خبر در ثانیه، { $eta } ثانیه مانده
status-stop-indexing = توقف نمایه‌سازی
status-index-failed = نمایهٔ جست‌وجو: { $error }
status-annotations-unreadable = حاشیه‌نویسی‌ها خوانده نمی‌شوند: فقط‌خواندنی
status-start-annotations-anew = کنار گذاشتن پرونده‌های خراب و آغاز از نو

# Timeline strip (timeline.rs; the axis labels are drawn elsewhere)
timeline-show = نمایش
timeline-hide = پنهان‌کردن
timeline-title = خط زمان
timeline-overlay-entity = خبرهایی که از نام‌ویژهٔ برگزیده نام می‌برند در گذر زمان ({ $n } خبر)، با کل پیکره کم‌رنگ‌تر در پس‌زمینه
timeline-overlay-search = یافته‌های جست‌وجو در گذر زمان ({ $n } خبر)، با کل پیکره کم‌رنگ‌تر در پس‌زمینه
timeline-legend = توپر: سرصفحه؛ کم‌رنگ: متن خبر؛ هاشورخورده: تخمینی؛ توخالی: زمان پرونده
timeline-clear-range = پاک‌کردن بازهٔ { $from } – { $to }
timeline-no-dates = خبر تاریخ‌داری برای نمایش روی خط زمان نیست.
timeline-histogram = نمودار خط زمان
timeline-count-failed = خط زمان شمرده نشد: { $error }
timeline-tip-source = { $source }: { $n }
timeline-tip-sources-sep = { "، " }
timeline-tip =
    { $jalali_from } – { $jalali_to }
    { $from } – { $to }
    { $n } خبر
    { $sources }

# The timeline's axis
timeline-undated = بی‌تاریخ { $n }

## Entities sidebar (src/ui/panels/entities.rs)
entities-title = نام‌ویژه‌ها
entities-count = { $n } در { $articles } خبر
entities-counting-busy = در حال شمارش…
entities-counting-failed = شمارش ناموفق بود: { $error }
entities-counting = در حال شمارش…
entities-sort-name = نام
entities-sort-count = شمار
entities-sort-count-tip = آن‌که در خبرهای بیشتری آمده، نخست
entities-filter-hint = پالایش نام‌ها
entities-kind-people = افراد
entities-kind-places = مکان‌ها
entities-kind-orgs = سازمان‌ها
entities-group = { $kind } ({ $n })
entities-kind-person = شخص
entities-kind-place = مکان
entities-kind-org = سازمان
entities-evidence-honorific = عنوان احترام
entities-evidence-role = سمت
entities-evidence-says = فعل گفتن
entities-evidence-family-name = نام خانوادگی
entities-evidence-head-noun = اسم هسته
entities-list-separator = { "، " }
entities-kind-candidate = { $kind }، پیشنهادی
entities-kind-candidate-evidence = { $kind }، پیشنهادی ({ $evidence })
entities-articles-mentions = { $articles } خبر، { $mentions } اشاره
entities-clear = لغو انتخاب
entities-most-often-with = بیشتر همراه با:
entities-selected = انتخاب‌شده:
entities-new-kind = نوع نام‌ویژهٔ تازه
entities-add = افزودن به‌عنوان نام‌ویژه
entities-kind = نوع
entities-confirm = تأیید
entities-not-entity = نام‌ویژه نیست
entities-edit-label = نام دیگر، نام تازه یا نام‌ویژه‌ای که در آن ادغام شود:
entities-add-alias = افزودن نام دیگر
entities-rename = تغییر نام
entities-merge-into = ادغام در
entities-row-candidate = { $name } (پیشنهادی)
entities-row-label = { $name }: { $articles } خبر، { $mentions } اشاره

## Passages view and tag manager (src/ui/panels/passages.rs)
passages-tags = برچسب‌ها ({ $n })
passages-tag-uses = { $n } گزیده
passages-tag-key-uses = کلید { $key }، { $n } گزیده
passages-parent-in = زیرِ
passages-parent-top = بالاترین سطح
passages-merge-into = ادغام در
passages-rename = تغییر نام
passages-delete = حذف
passages-renaming = تغییر نام
passages-new-name = نام تازه
passages-rename-tag = تغییر نام برچسب
passages-cancel = لغو
passages-delete-uses = به { $n } گزیده زده شده است. انتقال آن‌ها به
passages-delete-keep-untagged = هیچ برچسبی (بی‌برچسب بمانند)
passages-delete-tag = حذف برچسب
passages-untagged = بی‌برچسب
passages-orphaned-group = بی‌لنگر: متن تغییر کرده است؛ درستش کنید یا حذفش کنید
passages-empty = هنوز گزیدهٔ برچسب‌خورده‌ای نیست: در نمای خواندن گزیده‌ای را انتخاب کنید و کلید یک برچسب ({ $first }–{ $last }) را بزنید یا از «برچسب…» استفاده کنید
passages-in-filter = { $shown } از { $total } گزیده در پالایهٔ کنونی (بازهٔ زمانی، جست‌وجو، نام‌ویژه)
passages-passage-title = گزیدهٔ شمارهٔ { $id }
passages-orphaned = بی‌لنگر
passages-tags-label = برچسب‌ها:
passages-tag-toggle-tip = برای افزودن یا برداشتن این برچسب کلیک کنید
passages-note = یادداشت:
passages-save-note = ذخیرهٔ یادداشت
passages-anchor-anew = لنگر تازه…
passages-anchor-anew-tip = خبرش را باز کنید و جای کنونی گزیده را انتخاب کنید
passages-remove = حذف گزیده

## Export dialog (src/ui/panels/export.rs)
export-title = برون‌بری
export-what = برون‌بری
export-kind-passages = گزیده‌های برچسب‌خورده
export-kind-statements = گفته‌ها (پالایهٔ کنونی)
export-kind-comparison = مقایسهٔ کنونی
export-kind-hits = همهٔ یافته‌های جست‌وجو
export-kind-articles = خبرها با فراداده‌شان
export-tag = برچسب
export-every-tag = همهٔ برچسب‌ها
export-annotator = حاشیه‌نویس
export-everyone = همه
export-only-in-filter = فقط خبرهای پالایهٔ کنونی
export-compare-first = نخست دو سو را مقایسه کنید (نمای مقایسه).
export-search-first = نخست چیزی جست‌وجو کنید.
export-format = قالب
export-format-csv = CSV (صفحه‌گسترده)
export-format-jsonl = JSON Lines
export-format-ron = RON
export-format-markdown = گزارش Markdown
export-format-brat = brat standoff (پوشه)
export-format-qdpx = پروژهٔ REFI-QDA (.qdpx)
export-format-webanno = { $org } Web Annotation (JSON-LD)
export-hint-brat = یک پوشه: برای هر خبر یک .txt و یک .ann، به‌اضافهٔ annotation.conf و visual.conf.
export-hint-webanno = متن خبرها کنار آن، در NAME-texts/ نوشته می‌شود.
export-hint-csv = { $encoding } با نشانهٔ ترتیب بایت (BOM)، برای برنامه‌های صفحه‌گسترده.
export-format-xlsx = صفحه‌گسترده (.xlsx)
export-hint-xlsx = در LibreOffice و Excel همان‌طور که هست باز می‌شود: راست‌به‌چپ، تاریخ‌ها به‌صورت متن در هر دو تقویم.
export-hint-offsets = جابه‌جایی‌ها نویسه‌های یونی‌کد را می‌شمارند؛ شکست سطر \n است.
export-save-to = ذخیره در
export-browse = مرور…
export-exists = { $path } از پیش وجود دارد. جایگزین شود؟
export-replace = جایگزینی
export-keep = نگه‌داشتن
export-button = برون‌بری
export-close = بستن
export-progress = در حال برون‌بری… { $done } / { $total } خبر
export-what-passages = گزیده
export-what-statements = گفته
export-what-hits = یافته
export-what-articles = خبر
export-wrote = { $n } { $what } از { $sources } خبر در { $path } نوشته شد ({ $secs } ثانیه)
export-left-out = ({ $n } گزیدهٔ بی‌لنگر کنار گذاشته شد: آن‌ها را در نمای گزیده‌ها درست کنید)
export-error-no-comparison = نخست دو سو را مقایسه کنید (نمای مقایسه)
export-error-no-path = بنویسید برون‌بری کجا ذخیره شود
export-no-file-chosen = پرونده‌ای انتخاب نشد (یا این میزکار پنجرهٔ انتخاب پرونده ندارد): مسیر را بنویسید.

## Compare view (src/ui/panels/compare.rs)
compare-left-side = سوی اول
compare-right-side = سوی دوم
compare-left-speaker = گویندهٔ سوی اول
compare-right-speaker = گویندهٔ سوی دوم
compare-anyone = هر کس
compare-speaker-statements = { $n } گفته
compare-from = از
compare-to = تا
compare-outlet = رسانه
compare-from-hint = از { $date }
compare-to-hint = تا { $date }
compare-not-a-date = «{ $text }» تاریخ نیست ({ $a }، { $b }، { $c })
compare-aligned = هم‌تراز
compare-ledger = جدول
compare-comparing-busy = در حال مقایسه…
compare-comparing = در حال مقایسه…
compare-failed = مقایسه ناموفق بود: { $error }
compare-choose = برای هر سو یک گوینده، یک بازهٔ زمانی یا یک رسانه انتخاب کنید.
compare-summary = { $left } گفته در سوی اول، { $right } در سوی دوم، { $pairs } جفت (بهترین‌ها نخست؛ واژه‌های مشترک برجسته و تغییرهای نقل‌قول‌های بازنشرشده زیرخط‌دار)
compare-unpaired = بی‌جفت
compare-unnamed = (بی‌نام)

## Statements view (src/ui/panels/statements.rs)
statements-none = در این خبرها (یا در پالایهٔ کنونی) گفته‌ای نیست.
statements-count = { $n } گفته
statements-unnamed = (بی‌نام)
statements-tag-this = برچسب زدن به این گفته…

# The status bar's index report; an entity row's counts (articles, mentions)
status-index-report = نمایه: { $added } افزوده‌شده، { $updated } به‌روزشده، { $removed } حذف‌شده، { $unchanged } بی‌تغییر
entities-counts = { $articles }، { $mentions }

# چرا پرونده‌ای خوانده نشد و خواندنش چه ایرادی یافت (از بارگذار)
problem-binary-nul = پروندهٔ دودویی (بایت NUL دارد)، نه متن
problem-binary-control = پروندهٔ دودویی (بیشترش نویسه‌های کنترلی)، نه متن
problem-not-regular = پروندهٔ معمولی نیست (لوله، سوکت یا دستگاه): خوانده نشد
problem-not-article-file = پروندهٔ خبر نیست ({ $ext }): daftar پرونده‌های txt، md، html و htm را می‌خواند
problem-no-extension = پروندهٔ خبر نیست (بی‌پسوند): daftar پرونده‌های txt، md، html و htm را می‌خواند
problem-link-loop = حلقهٔ پیوند نمادین: دنبال نشد
problem-broken-link = پیوند نمادین شکسته
problem-cannot-read = خوانده نشد: { $error }
problem-outlets-unusable = { $error }؛ نام رسانه‌های همراه برنامه به کار رفت
problem-corrections-unusable = اصلاح‌های شما درباره‌ی قاب صفحه به کار نمی‌آید: { $error }
problem-internal = خطای درونی هنگام خواندن { $path }: { $error }
problem-too-large = بیش از اندازه بزرگ: { $size } مگابایت (حد { $limit } مگابایت)
problem-empty = پروندهٔ خالی
problem-html-too-large = صفحهٔ HTML برای تجزیه بیش از اندازه بزرگ است: { $size } مگابایت (حد { $limit } مگابایت برای HTML)
problem-html-too-deep = HTML بیش از { $depth } لایه تودرتوست (صفحه‌ای خراب یا بدخواه): خوانده نشد
problem-html-no-text = این صفحهٔ HTML متنی ندارد
problem-whitespace = فقط فاصله، بی‌متن
warning-invalid-bytes = { $n } دنبالهٔ بایت نامعتبر در { $encoding } با U+FFFD جایگزین شد
warning-legacy-encoding = UTF-8 نیست: با کدگذاری قدیمی { $encoding } خوانده شد
warning-no-bom = { $encoding } بی‌نشانهٔ ترتیب بایت (BOM)
warning-file-name-not-utf8 = نام پرونده UTF-8 معتبر نیست: با نویسه‌های جایگزین نشان داده شده
warning-no-article-text = پس از کنار گذاشتن قاب صفحه، متن خبری نماند
warning-file-time = تاریخی در متن نیست: تاریخ از زمان تغییر پرونده گرفته شد
warning-no-date = تاریخی پیدا نشد
warning-weekday-conflict = روز هفتهٔ «{ $written }» با { $date } (که { $weekday } است) نمی‌خواند

# چرا پرسشی جست‌وجوپذیر نیست (تجزیه‌گر پرسش)
search-error-empty = پرسش خالی است
search-error-unclosed-quote = یک نشانهٔ نقل‌قول (") بسته نشده است: پس از عبارت " بگذارید
search-error-dangling-or = OR در هر دو سو واژه‌ای می‌خواهد
search-error-nothing = «{ $text }» حرف یا رقمی برای جست‌وجو ندارد
search-error-unknown-filter = پالایهٔ ناشناخته‌ی «{ $name }:»: از date:، source: یا tag: استفاده کنید
search-error-bad-date = «{ $value }» تاریخ یا بازهٔ تاریخ نیست (برای نمونه date:1403-01-01..1403-06-31، date:1403 یا date:2024-05)
search-error-only-exclusions = جست‌وجو جز واژه‌های کنارگذاشته، دست‌کم یک واژه یا پالایه می‌خواهد
search-error-empty-filter = «{ $name }:» پس از دونقطه مقداری می‌خواهد (برای نمونه { $example })
search-error-type-first = نخست چیزی جست‌وجو کنید
search-error-index-not-ready = نمایهٔ جست‌وجو هنوز آماده نیست
search-error-not-finished = جست‌وجو هنوز تمام نشده است

# یادداشت‌هایی دربارهٔ پوشه، برچسب‌ها و اصلاح‌ها (از فضای کار)
note-entities-bundled-only = { $error }؛ فقط فهرست نام‌های همراه برنامه به کار می‌رود
note-annotations-read-only = { $error } (برچسب‌ها فقط‌خواندنی‌اند)
note-set-aside = کنار گذاشته شد: { $paths }
note-no-folder = پوشه‌ای باز نیست
note-wait-for-load = صبر کنید تا بارگذاری پوشه تمام شود
note-corrections-not-saved = اصلاح‌ها ذخیره نمی‌شوند: { $error }
note-not-watching = تغییرهای پوشه دنبال نمی‌شود: { $error }

## The Statistics view
app-view-statistics = آمار
stats-tab-words = فهرست واژه‌ها
stats-tab-ngrams = زنجیره‌ها
stats-tab-collocates = هم‌آیندها
stats-tab-keyness = واژه‌های کلیدی
stats-tab-dispersion = پراکندگی
stats-after-load = آمار پس از بارگذاری پوشه شمرده می‌شود.
stats-counting = شمارش واژه‌ها: { $done } از { $total } خبر
stats-cancel = لغو
stats-count-again = شمردن واژه‌ها
stats-type-first = واژه یا عبارتی (یا هر دو سو) را در بالا بنویسید.
stats-filter = پالایش
stats-no-stop-words = بدون واژه‌های پربسامد دستوری
stats-no-stop-words-tip = واژه‌های دستوری (حرف اضافه، حرف ربط، ضمیر، فعل کمکی): فهرست assets/stats/stopwords-fa.txt
stats-n = شمار واژه:
stats-min-freq = دست‌کم
stats-node = واژه یا عبارت
stats-window-before = واژه‌های پیش
stats-window-after = واژه‌های پس
stats-side-left = سوی نخست
stats-side-right = سوی دوم
stats-term = واژه‌ها (با ویرگول جدا)
stats-save-to = ذخیره در
stats-saved = { $path } ذخیره شد
stats-col-word = واژه
stats-col-ngram = زنجیره
stats-col-collocate = هم‌آیند
stats-col-freq = بسامد
stats-col-per-million = در میلیون
stats-col-docs = خبرها
stats-col-dp = پراکندگی (DP)
stats-col-ll = درست‌نمایی
stats-col-left = سوی نخست
stats-col-right = سوی دوم
stats-col-log-ratio = لگاریتم نسبت
stats-col-period = ماه
stats-summary = { $words } واژه در { $articles } خبر؛ { $types } واژهٔ یکتا
stats-summary-ngrams = { $n } زنجیره در { $words } واژه
stats-summary-collocates = واژهٔ کانونی { $node } بار در { $words } واژه آمده است
stats-summary-keyness = سوی نخست { $left } واژه، سوی دوم { $right } واژه
stats-summary-dispersion = { $hits } بار در { $articles } خبر
stats-pair-title = «{ $node }» با «{ $collocate }»
stats-keyword-title = «{ $word }» در هر دو سو
stats-plot-title = پراکندگی «{ $term }»: { $hits } بار
stats-plot-strip = { $articles } خبر به ترتیب تاریخ
stats-plot-bars = در هر میلیون واژه، ماه به ماه
kwic-back-to-search = بازگشت به جست‌وجو
kwic-none = سطری برای نمایش نیست.
stats-words-damaged = شمارش ذخیره‌شدهٔ واژه‌ها آسیب دیده بود: دوباره شمرده شد.
stats-words-unstored = شمارش واژه‌ها در { $path } ذخیره نشد: { $error }. بار بعد دوباره شمرده می‌شود.
stats-words-failed = شمارش واژه‌ها به‌طور ناگهانی متوقف شد (خطای درونی).
stats-min-docs = در خبرها، دست‌کم
stats-spelling-arabic-yeh = ی عربی
stats-spelling-invisible = نویسهٔ نادیدنی
