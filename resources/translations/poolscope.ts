<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>ChunkTimelineView</name>
    <message>
        <location filename="../../ui/timeline_palette.cpp" line="25"/>
        <source>waiting for the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_palette.cpp" line="27"/>
        <source>receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_palette.cpp" line="29"/>
        <source>decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_palette.cpp" line="31"/>
        <source>computing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_palette.cpp" line="33"/>
        <source>encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_palette.cpp" line="35"/>
        <source>result in flight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <location filename="../../ui/gui_options.cpp" line="39"/>
        <source>--args: unterminated quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="48"/>
        <source>PoolScope: why is my parallel code slower than I hoped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="53"/>
        <source>Open lesson N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="57"/>
        <source>Open with these poolscope-cli run arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="60"/>
        <source>Start the run at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="63"/>
        <source>Save the window as PNG when the run has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="66"/>
        <source>Quit after the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="69"/>
        <source>Large fonts and thick lines (projector).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="72"/>
        <source>The poolscope-cli program to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="76"/>
        <source>Window size, e.g. 1366x768.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="80"/>
        <source>Open a recorded or saved event stream (.jsonl).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="85"/>
        <source>Do not record the runs&apos; event streams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="88"/>
        <source>Show a saved sweep (poolscope-cli sweep --json) in the Sweep view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="105"/>
        <source>--lesson must be a lesson number; got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="131"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostTitle</name>
    <message>
        <location filename="../../ui/request_rows.cpp" line="21"/>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/request_rows.cpp" line="23"/>
        <source>%1 (engine)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../ui/lesson_catalog.cpp" line="34"/>
        <source>the lessons are not built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_catalog.cpp" line="51"/>
        <source>the lessons file is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../ui/main_menus.cpp" line="21"/>
        <source>Run &amp;serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="24"/>
        <source>Run the workload serially: one loop in one process (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="25"/>
        <source>Run &amp;parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="27"/>
        <source>Run the workload through the pool (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="28"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="30"/>
        <source>Serial, then parallel, and where the time went (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="31"/>
        <source>Run s&amp;weep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="34"/>
        <source>Sweep the Sweep view&apos;s workers and chunksizes (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="35"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="37"/>
        <source>Stop the run or the sweep; what finished is kept (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="38"/>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="41"/>
        <source>&amp;Sweep view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="45"/>
        <source>Workers × chunksize sweeps, the U-curve and the fits (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="51"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="52"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="55"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="57"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="59"/>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="60"/>
        <source>Run &amp;lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="63"/>
        <source>&amp;Next lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="66"/>
        <source>&amp;Previous lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="68"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="69"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.cpp" line="76"/>
        <source>&amp;About PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="50"/>
        <source>The last session&apos;s settings are refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chart_export.cpp" line="19"/>
        <location filename="../../ui/chart_export.cpp" line="27"/>
        <source>Cannot render this view as an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chart_export.cpp" line="37"/>
        <source>PoolScope chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chart_export.cpp" line="39"/>
        <source>Exported from PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chart_export.cpp" line="42"/>
        <source>Cannot start an SVG drawing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history_export.cpp" line="155"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_document.cpp" line="224"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_document.cpp" line="228"/>
        <source>&apos;%1&apos; is too large for a sweep document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_document.cpp" line="233"/>
        <source>&apos;%1&apos; is not a sweep document: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_document.cpp" line="241"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="20"/>
        <source>(the control panel&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_point_runs.cpp" line="39"/>
        <source>this point did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_point_runs.cpp" line="58"/>
        <source>the document holds no runs for it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunFigures</name>
    <message>
        <location filename="../../ui/run_figures.cpp" line="86"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_figures.cpp" line="88"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_figures.cpp" line="90"/>
        <source>partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_figures.cpp" line="92"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_figures.cpp" line="94"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../../ui/run_status.cpp" line="14"/>
        <source>Ready. Choose a lesson or set the knobs, then press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="21"/>
        <source>%1: starting the engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="33"/>
        <source> · ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="36"/>
        <source>%1: %2 run %3 · %4 % · %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="37"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="38"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="47"/>
        <source>%1 done: %n run(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="52"/>
        <source>%1 stopped; the finished part is shown (partial).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="57"/>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="61"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepText</name>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="18"/>
        <source>No recommendation: no point finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="21"/>
        <source>
Chunksize: the best measured is %1 (%2); the formula ⌈n / 4W⌉ gives %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="27"/>
        <source>, %1 % slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="29"/>
        <source> (not among the points: add auto to the chunksize list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="37"/>
        <source>⚠ Disturbed: other programs took more than 10 % of the CPU during the sweep; run it again on a quiet machine before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="41"/>
        <source>⚠ Stopped before the end: %1 of %2 points ran; the fits and the best use only those.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_text.cpp" line="48"/>
        <source>⚠ A point&apos;s checksum differs from serial: its results are wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="13"/>
        <source>starting and ending the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="15"/>
        <source>moving data (serialization and transfer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="20"/>
        <source>waiting (for work or a core, imbalance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="26"/>
        <source>Run Compare to see serial and parallel side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="29"/>
        <source>The parallel run did not finish (%n error(s)); the figures cover only the items that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="35"/>
        <source>Serial and parallel results DIFFER: the checksums do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="38"/>
        <source>Other programs used %1 % of the CPU during these runs: speedup %2×, T %3, C %4 are disturbed. No advice from them; run again on a quieter machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="48"/>
        <source>T &gt; 10·C: the tasks are big enough for the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="50"/>
        <source>T &lt; 10·C: the tasks are too small for the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="52"/>
        <source>T %1, C %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="55"/>
        <source>Parallel is %1× slower: %2 took %3 against %4 of compute (worker-seconds). %5. Try serial, fewer workers or bigger chunks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="62"/>
        <source>Parallel is %1× faster, efficiency %2 %. The biggest overhead: %3, %4. %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui</name>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="47"/>
        <source>wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="49"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="51"/>
        <source>serialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="53"/>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="55"/>
        <source>compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="57"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="59"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="61"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="63"/>
        <source>mean CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="65"/>
        <source>bytes moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="76"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="86"/>
        <source>±0 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="87"/>
        <source>%1%2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="91"/>
        <location filename="../../ui/comparison_text.cpp" line="98"/>
        <source>%1 %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="97"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="104"/>
        <source>Select two or more runs to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="111"/>
        <source>%1 vs %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="112"/>
        <source>same configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="114"/>
        <source>; no figures (a run has no result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="128"/>
        <source>figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_text.cpp" line="130"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="17"/>
        <source>PoolScope is a lab for parallel code: it runs the same work serially and through a pool of processes or threads, and shows where the time went (start-up, serialization, transfer, compute, idle), with memory and CPU per core, live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="27"/>
        <source>not built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="29"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="31"/>
        <source>Version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="32"/>
        <source>Qt: %1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="34"/>
        <source>OpenCV: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="36"/>
        <source>Usable cores: %1 of %2 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="37"/>
        <source>CPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="38"/>
        <source>Kernel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="43"/>
        <source>About PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="45"/>
        <location filename="../../ui/about_dialog.cpp" line="47"/>
        <source>PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="59"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.cpp" line="60"/>
        <source>Copy these facts, e.g. for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::AdvancedOptions</name>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="37"/>
        <source>worker i on core i mod cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="46"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="67"/>
        <location filename="../../ui/advanced_options.cpp" line="78"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="68"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="72"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="73"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="75"/>
        <source>e.g. crash@chunk=5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="79"/>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="83"/>
        <source>Library threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="84"/>
        <source>Threads a native library (OpenCV) may use in each worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="85"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="85"/>
        <source>processes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="86"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="87"/>
        <source>Counted runs: median [min … max]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="88"/>
        <source>Warm-up runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="89"/>
        <source>Runs first, not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="90"/>
        <source>Sample period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="91"/>
        <source>Telemetry period: off, or 50 … 1000 ms (/proc/stat ticks every 10 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="92"/>
        <source>Task timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="93"/>
        <source>A chunk running longer fails with a clear error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="94"/>
        <source>On failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="95"/>
        <source>What a failed chunk does to the run; retry: processes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="96"/>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="97"/>
        <source>Faults to inject, separated by spaces: crash@chunk=N, hang@chunk=N, error@item=N, corrupt@chunk=N, kill@t=S, shm-full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="99"/>
        <source>Reap delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="100"/>
        <source>processes only: how long an exited worker stays a zombie (state Z) before the pool reaps it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::BreakdownChart</name>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="27"/>
        <source>Where the worker-seconds went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="29"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="29"/>
        <source>serialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="29"/>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="30"/>
        <source>compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="30"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="30"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="40"/>
        <source>%1: %2 worker-seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="45"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="45"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="93"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ChunkTimelineView</name>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="31"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="37"/>
        <source>w%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="29"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="38"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="32"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="45"/>
        <source>%1 w%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="56"/>
        <source>start-up / teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="58"/>
        <source>idle, waiting for the last chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="61"/>
        <source>busy share (aggregated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="90"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="183"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="186"/>
        <source>Worker timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="153"/>
        <source>The workers&apos; chunks appear here when a parallel run starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="245"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="246"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chunk_timeline_tips.cpp" line="14"/>
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="15"/>
        <source>%1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="16"/>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chunk_timeline_tips.cpp" line="18"/>
        <source>%n item(s) failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="20"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="22"/>
        <source>Chunk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="28"/>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="38"/>
        <source>dispatched at %1, result back at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="63"/>
        <source>Merged here (many chunks to a pixel): %1 % busy, mostly %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chunk_timeline_tips.cpp" line="73"/>
        <source>Aggregated %1 from %2: %n chunk(s), %3 items, computing %4 % of the time</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="86"/>
        <source>Start-up: %1 until this worker was ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="88"/>
        <source>Teardown: %1 from the last result until every worker was reaped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="91"/>
        <source>Idle for %1: this worker was done, the run waited for its last chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_view.cpp" line="209"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_view.cpp" line="213"/>
        <source>Whole run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ChunksizeControl</name>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="18"/>
        <source>1 chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="19"/>
        <source>%1 chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="31"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="32"/>
        <source>fixed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="35"/>
        <source>Python&apos;s default for map: ceil(n / (4 × workers)) items per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="36"/>
        <source>A fixed number of items in every task message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="99"/>
        <source>static: one block per worker → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="102"/>
        <source>apply_async: one item per message → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="105"/>
        <source>auto = ceil(n/(4·W)) = ceil(%1/(4·%2)) = %3 → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="112"/>
        <source>; Python&apos;s %1 would send 1 item per message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunksize_control.cpp" line="115"/>
        <source>%1 per task → %2 (auto would be %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ComparisonView</name>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="85"/>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="100"/>
        <source>Progress: items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="101"/>
        <source>Where the worker-seconds went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="102"/>
        <source>Memory peaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="106"/>
        <source>Copy as &amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="107"/>
        <source>Copy the comparison table (figures and what differs) as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="110"/>
        <source>Copied the comparison as a Markdown table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="112"/>
        <source>Save image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="113"/>
        <source>Save this comparison as PNG or SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="170"/>
        <source>time since the run&apos;s start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="172"/>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="197"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="197"/>
        <source>serialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="197"/>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="198"/>
        <source>compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="198"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="198"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="222"/>
        <source>worker-seconds (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="245"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="246"/>
        <source>peak RSS sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="248"/>
        <source>PSS shares each page among the processes that map it: the honest total. The RSS sum counts shared pages once per process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="293"/>
        <source>Save the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="294"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/comparison_view.cpp" line="297"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ControlPanel</name>
    <message>
        <location filename="../../ui/control_panel.cpp" line="60"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="69"/>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="73"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="74"/>
        <source>Items in the run (0 … 10⁹); 0 is a valid, empty run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="79"/>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="91"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="92"/>
        <source>Worker processes or threads: 1 … max(64, 8 × usable cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="95"/>
        <source>Chunksize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="104"/>
        <source>global lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="106"/>
        <source>threads only: one mutex around every item, a stand-in for Python&apos;s GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="110"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="111"/>
        <source>A pool of processes or of threads; python: CPython&apos;s own multiprocessing.Pool (python-threads: its ThreadPool, the real GIL); mpi: worker ranks of an OpenMPI job on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="119"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="120"/>
        <source>How tasks reach workers, by Python&apos;s names; static: one block per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="123"/>
        <source>Start method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="124"/>
        <source>processes only: fork inherits the prepared input, spawn rebuilds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="127"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="128"/>
        <source>processes only: items copied through pipes, or shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="131"/>
        <source>Pool lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="132"/>
        <source>processes only: cold times the pool&apos;s start-up, warm starts it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="171"/>
        <source>of %1 usable cores: oversubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="172"/>
        <source>of %1 usable cores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::CpuChart</name>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="49"/>
        <source>CPU per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="50"/>
        <source>serial run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="51"/>
        <source>parallel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="53"/>
        <source>all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="55"/>
        <source>steal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="61"/>
        <source>busy %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="78"/>
        <source>&lt;b&gt;CPU per core&lt;/b&gt; (heat strip: dark = idle, bright = busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="119"/>
        <source>cpu%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="191"/>
        <source>time since start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::EngineClient</name>
    <message>
        <location filename="../../ui/engine_client.cpp" line="137"/>
        <source>the engine did not stop in time and was ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/engine_client.cpp" line="138"/>
        <source>the engine crashed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/engine_client.cpp" line="151"/>
        <source>cannot start the engine &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ErrorBanner</name>
    <message>
        <location filename="../../ui/error_banner.cpp" line="19"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::FileActions</name>
    <message>
        <location filename="../../ui/file_actions.cpp" line="32"/>
        <source>&amp;Open stream…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="34"/>
        <source>Open an event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="35"/>
        <source>Event streams (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="39"/>
        <source>A recorded run, or one saved with poolscope-cli run --events FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="40"/>
        <source>Open the &amp;recordings folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="45"/>
        <source>&amp;Export runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="46"/>
        <source>As &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="47"/>
        <source>Export runs as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="47"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="50"/>
        <source>As &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="51"/>
        <source>Export runs as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="51"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="54"/>
        <source>A run as Perfetto &amp;trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="55"/>
        <source>Export a run as a trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="55"/>
        <source>Trace JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="58"/>
        <source>Copy as &amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="60"/>
        <source>Runs copied as a Markdown table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="63"/>
        <source>&amp;Save as image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="64"/>
        <source>The whole &amp;window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="69"/>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="86"/>
        <location filename="../../ui/file_actions.cpp" line="99"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="88"/>
        <source>Could not export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="93"/>
        <source>Save as image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="94"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.cpp" line="101"/>
        <source>Could not save the image:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::HeatStrip</name>
    <message>
        <location filename="../../ui/heat_strip.cpp" line="138"/>
        <source>cpu%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::LessonPanel</name>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="16"/>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="19"/>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="22"/>
        <source>SKIPPED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="27"/>
        <source>DISTURBED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="35"/>
        <source>Free exploration (no lesson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="37"/>
        <source>Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="38"/>
        <source>Ready lessons: each loads its settings and says what you should see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="42"/>
        <source>Run lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="43"/>
        <source>Run every run of the lesson in order, then check what you should see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="66"/>
        <source>%1&lt;br&gt;&lt;b&gt;What you should see:&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="68"/>
        <source>Set the knobs below and press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lesson_panel.cpp" line="103"/>
        <source>&lt;b&gt;Did it show?&lt;/b&gt; %1 (%n usable core(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="113"/>
        <source>Other programs were using the CPU: run the lesson again on a quieter machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="40"/>
        <source>PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="56"/>
        <source>The engine&apos;s event stream has a malformed line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="52"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="17"/>
        <source>PoolScope — Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="19"/>
        <source>Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="41"/>
        <source>This lesson&apos;s sweep was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="45"/>
        <source>The sweep runs in the Sweep view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="55"/>
        <source>The sweep did not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="75"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_sweep.cpp" line="78"/>
        <source>Sweep point %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window_sweep.cpp" line="89"/>
        <source>%1: its %n run(s), the serial baseline&apos;s included, are selected in Live runs → Runs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="74"/>
        <location filename="../../ui/main_window_layout.cpp" line="158"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="75"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="76"/>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="205"/>
        <location filename="../../ui/main_window_sweep.cpp" line="55"/>
        <source>Lesson stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="116"/>
        <source>Lessons unavailable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="104"/>
        <source>Live runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="105"/>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="140"/>
        <source>Runs are not being recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="145"/>
        <source>The stream was read in part:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="146"/>
        <source>Opened request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="150"/>
        <source>Cannot open the stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="154"/>
        <source>Progress chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="155"/>
        <source>CPU chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="156"/>
        <source>Memory chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="157"/>
        <source>Worker timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_layout.cpp" line="164"/>
        <source>Ready. Choose a lesson or set the knobs, then press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window_layout.cpp" line="172"/>
        <source>%n usable core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="99"/>
        <source>--lesson: there is no lesson %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="117"/>
        <source>These settings are refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="133"/>
        <source>Run %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="140"/>
        <source>This lesson&apos;s run &apos;%1&apos; was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="145"/>
        <source>Lesson %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="153"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="158"/>
        <source>Run serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="158"/>
        <source>Run parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="158"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="173"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="182"/>
        <source>The engine refused these settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="193"/>
        <source>The run failed; what finished is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::MemoryChart</name>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="25"/>
        <source>engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="26"/>
        <source>w%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="27"/>
        <source>serial child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="28"/>
        <source>threads child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="43"/>
        <source>%1 · zombie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="44"/>
        <source>%1 · was a zombie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="60"/>
        <source>engine&apos;s host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="105"/>
        <source>Memory: PSS per process, stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="107"/>
        <source>Σ RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="109"/>
        <location filename="../../ui/memory_chart.cpp" line="256"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="203"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/memory_chart.cpp" line="206"/>
        <source>%n other workers</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="256"/>
        <source>peak PSS %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="257"/>
        <source>time since start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ParamForm</name>
    <message>
        <location filename="../../ui/param_form.cpp" line="108"/>
        <source>%1
Range: %2; default: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="110"/>
        <location filename="../../ui/param_form.cpp" line="152"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="118"/>
        <source>(no parameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="158"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="159"/>
        <location filename="../../ui/param_form.cpp" line="163"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ProgressChart</name>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="49"/>
        <source>%1 (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="51"/>
        <source>%1: %2 (partial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="52"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="59"/>
        <source>Progress: items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="64"/>
        <location filename="../../ui/progress_chart.cpp" line="133"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="65"/>
        <location filename="../../ui/progress_chart.cpp" line="134"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="70"/>
        <location filename="../../ui/progress_chart.cpp" line="144"/>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="78"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="79"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="143"/>
        <source>time since the run&apos;s start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::RecordingLoader</name>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="18"/>
        <source>%1 is a folder, not a recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="23"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="52"/>
        <source>Reading stopped early: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/recording_loader.cpp" line="57"/>
        <source> (%n more bad line(s) skipped)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="68"/>
        <source>%1 is empty: there is no run to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="73"/>
        <source>%1 holds no run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="74"/>
        <source>%1 holds no run that could be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_loader.cpp" line="81"/>
        <source>The recording ends before every run did; what it holds is shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::RecordingWriter</name>
    <message>
        <location filename="../../ui/recording_writer.cpp" line="26"/>
        <source>Cannot create the recordings folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_writer.cpp" line="36"/>
        <source>Cannot record to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recording_writer.cpp" line="44"/>
        <location filename="../../ui/recording_writer.cpp" line="53"/>
        <source>Cannot write to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ResultPanel</name>
    <message>
        <location filename="../../ui/result_panel.cpp" line="36"/>
        <source>%1, %2 CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="39"/>
        <source>no samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="49"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="49"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="50"/>
        <source>wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="51"/>
        <source>%1 (partial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="54"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="56"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="60"/>
        <source>mean CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="124"/>
        <source>Press Compare to run serial, then parallel, and see where the time went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="129"/>
        <source>DIFFER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="130"/>
        <source>speedup &lt;b&gt;%1×&lt;/b&gt;&lt;br&gt;efficiency &lt;b&gt;%2 %&lt;/b&gt;&lt;br&gt;T &lt;b&gt;%3&lt;/b&gt; per task&lt;br&gt;C &lt;b&gt;%4&lt;/b&gt; overhead per task&lt;br&gt;checksums %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="134"/>
        <source>&lt;b&gt;match&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::RunHistoryModel</name>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="120"/>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="123"/>
        <location filename="../../ui/run_history_model.cpp" line="127"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="203"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="205"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="207"/>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="209"/>
        <source>Wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="211"/>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="213"/>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="215"/>
        <source>Peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="217"/>
        <source>Mean CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="219"/>
        <source>T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="221"/>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="223"/>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_model.cpp" line="225"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::RunHistoryView</name>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="49"/>
        <source>Filter runs (label, config, state…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="53"/>
        <source>Co&amp;mpare selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="54"/>
        <source>Overlay the selected runs and list what differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="57"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="58"/>
        <source>Remove the selected runs from the history (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="67"/>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="68"/>
        <source>Save the selected runs (or all shown) as CSV, one row per run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="70"/>
        <source>Export runs as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="70"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="73"/>
        <source>JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="74"/>
        <source>Save the selected runs&apos; RESULT documents as a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="76"/>
        <source>Export runs as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="76"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="79"/>
        <source>Trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="80"/>
        <source>Save the selected run&apos;s chunk timeline for ui.perfetto.dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="82"/>
        <source>Export run as a Perfetto trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="82"/>
        <source>Trace JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="85"/>
        <source>Copy Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="86"/>
        <source>Copy the selected runs (or all shown) as a Markdown table</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/run_history_view.cpp" line="89"/>
        <source>Copied %n run(s) as a Markdown table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/run_history_view.cpp" line="145"/>
        <source>Deleted %n run(s) from the history.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="162"/>
        <source>Select a run to export its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_history_view.cpp" line="179"/>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts_dialog.cpp" line="25"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.cpp" line="28"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.cpp" line="28"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SizeControl</name>
    <message>
        <location filename="../../ui/size_control.cpp" line="28"/>
        <source>Drag across decades: 1, 10, 100 … 10⁹ items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::StreamRecorder</name>
    <message>
        <location filename="../../ui/stream_recorder.cpp" line="49"/>
        <source>The disk is too slow to keep up; this run is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepForm</name>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="40"/>
        <source>Values and ranges, comma-separated: 1,2,4,8 · 1..16 (every one) · 1..64*2 (×2 each step); empty: the control panel&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="47"/>
        <source>; auto = ⌈n / (4·workers)⌉, Python&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="54"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="57"/>
        <source>Chunksize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="66"/>
        <source>Try %1 too; none ticked: the control panel&apos;s dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="71"/>
        <source>none ticked: the control panel&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="76"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="82"/>
        <source>Runs per point (and for the serial baseline); the median is shown, min–max is the noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="89"/>
        <source>Runs per point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="92"/>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_form.cpp" line="96"/>
        <source>A workload parameter the sweep varies (--param KEY=LIST); each value gets its own serial baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sweep_form.cpp" line="163"/>
        <source>%n point(s) × %1 run(s), plus the serial baseline</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepHeatmap</name>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="131"/>
        <source>&lt;br&gt;chunksize auto = ceil(n / (4·%1)) = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="132"/>
        <source>&lt;br&gt;not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="133"/>
        <source>&lt;br&gt;median %1 (min %2 … max %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="137"/>
        <source>&lt;br&gt;speedup %1 · efficiency %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="139"/>
        <source>&lt;br&gt;T %1 · C %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="142"/>
        <source>&lt;br&gt;★ the best point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="145"/>
        <source>&lt;br&gt;within the noise of the best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="148"/>
        <source>&lt;br&gt;the formula&apos;s choice ceil(n / (4W))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="149"/>
        <source>&lt;br&gt;partial: not every run finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="150"/>
        <source>&lt;br&gt;checksums differ from serial!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="196"/>
        <source>Run a sweep (or open a saved one) to see workers × chunksize here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="272"/>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="284"/>
        <source>chunksize (items per task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="313"/>
        <source>speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="315"/>
        <source>1× serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_heatmap.cpp" line="319"/>
        <source>wall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepParamChart</name>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="64"/>
        <source>Task time T and overhead C against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="77"/>
        <source>%1 (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="81"/>
        <source>per task (%1, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="83"/>
        <source>speedup (× serial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="89"/>
        <source>T: task time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="92"/>
        <source>C: overhead per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="95"/>
        <source>10·C: T must pass it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_param_chart.cpp" line="100"/>
        <source>speedup (right)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepRunner</name>
    <message>
        <location filename="../../ui/sweep_runner.cpp" line="47"/>
        <source>cannot make a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_runner.cpp" line="95"/>
        <source>the sweep&apos;s document cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_runner.cpp" line="97"/>
        <source>the sweep printed no document (exit status %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepScaling</name>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="61"/>
        <source>unbounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="62"/>
        <source>Amdahl: s = %1 [%2 … %3], at most %4×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="67"/>
        <source>USL: σ = %1, κ = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="69"/>
        <source>, peak W ≈ %1 (%2×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="71"/>
        <source>, no peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="101"/>
        <source>Speedup against workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="104"/>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="107"/>
        <source>speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="124"/>
        <source>measured (median, min–max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="154"/>
        <source>ideal: speedup = W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="180"/>
        <source>usable cores = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_scaling.cpp" line="194"/>
        <source>Speedup against workers&lt;br&gt;&lt;small&gt;%1&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepUCurve</name>
    <message>
        <location filename="../../ui/sweep_ucurve.cpp" line="39"/>
        <source>Wall time against chunksize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_ucurve.cpp" line="56"/>
        <source>chunksize (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_ucurve.cpp" line="59"/>
        <source>median wall (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_ucurve.cpp" line="64"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_ucurve.cpp" line="69"/>
        <source>best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_ucurve.cpp" line="93"/>
        <source>W = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::SweepView</name>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="18"/>
        <source>Cannot open the sweep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="31"/>
        <source>Cannot save the sweep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="34"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="39"/>
        <source>Sweep documents (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="40"/>
        <source>Open s&amp;weep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="41"/>
        <source>Open a sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="45"/>
        <source>A sweep saved here, or printed by poolscope-cli sweep --json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="46"/>
        <source>Sa&amp;ve sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_files.cpp" line="48"/>
        <source>Save the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="43"/>
        <source>Run sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="46"/>
        <source>Run the serial baseline, then every point, in a seeded random order (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="48"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="49"/>
        <source>Stop the sweep; the points that finished are kept (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="50"/>
        <source>Use this setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="52"/>
        <source>Load the best point (or the cell you clicked) into the controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="23"/>
        <source>speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="24"/>
        <source>median wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="32"/>
        <source>Showing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="35"/>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="39"/>
        <source>★ best · dashed: ⌈n / 4W⌉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="41"/>
        <source>The best point has a thick frame and a star; the cell the article&apos;s formula chunksize = ⌈n / (4·workers)⌉ picks has a dashed one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="116"/>
        <location filename="../../ui/sweep_view.cpp" line="125"/>
        <source>This sweep is refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="120"/>
        <source>The control panel&apos;s settings are refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="142"/>
        <source>Stopping… the points that finished are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="180"/>
        <source>%1 of %2 points done · run %3 of %4 · %5 elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="186"/>
        <source> · about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="203"/>
        <source>The engine refused this sweep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="204"/>
        <source>Refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="206"/>
        <source>The sweep failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="207"/>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="210"/>
        <source>A run of the sweep failed; what finished is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="211"/>
        <source>Stopped: %1 of %2 points ran; they are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="214"/>
        <source>Done: %1 points in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="231"/>
        <source>%1 of %2 points ran (seed %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="87"/>
        <source>The heatmap and the U-curve show one %1 at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="251"/>
        <source>Sweeping %1, %2 items: the cells fill in as points finish; the fits come at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view.cpp" line="276"/>
        <source>Loaded %1 into the controls: Compare runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="146"/>
        <source>Heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="147"/>
        <source>T and C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="148"/>
        <source>U-curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_view_charts.cpp" line="149"/>
        <source>Scaling and fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sweep_lesson.cpp" line="26"/>
        <source>This lesson&apos;s sweep is refused:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
