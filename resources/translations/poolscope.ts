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
        <location filename="../../ui/gui_options.cpp" line="99"/>
        <source>--lesson must be a lesson number; got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="124"/>
        <source>unexpected argument &apos;%1&apos;</source>
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
    <name>QObject</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="49"/>
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
        <location filename="../../ui/advanced_options.cpp" line="25"/>
        <source>worker i on core i mod cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="33"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="53"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="54"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="57"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="58"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="60"/>
        <source>e.g. crash@chunk=5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="64"/>
        <source>Library threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="65"/>
        <source>Threads a native library (OpenCV) may use in each worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="66"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="66"/>
        <source>processes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="67"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="68"/>
        <source>Counted runs: median [min … max]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="69"/>
        <source>Warm-up runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="70"/>
        <source>Runs first, not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="71"/>
        <source>Sample period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="72"/>
        <source>Telemetry period: off, or 50 … 1000 ms (/proc/stat ticks every 10 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="73"/>
        <source>Task timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="74"/>
        <source>A chunk running longer fails with a clear error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="75"/>
        <source>On failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="76"/>
        <source>What a failed chunk does to the run; retry: processes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="77"/>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/advanced_options.cpp" line="78"/>
        <source>Faults to inject, separated by spaces: crash@chunk=N, hang@chunk=N, error@item=N, corrupt@chunk=N, kill@t=S, shm-full</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::BreakdownChart</name>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="25"/>
        <source>Where the worker-seconds went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="27"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="27"/>
        <source>serialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="27"/>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="28"/>
        <source>compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="28"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="28"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="38"/>
        <source>%1: %2 worker-seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="43"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="43"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/breakdown_chart.cpp" line="85"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ChunkTimelineView</name>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="29"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="261"/>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="14"/>
        <source>w%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="30"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="261"/>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="14"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="39"/>
        <source>start-up / teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="41"/>
        <source>idle, waiting for the last chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="44"/>
        <source>busy share (aggregated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="73"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="160"/>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="163"/>
        <source>Worker timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="130"/>
        <source>The workers&apos; chunks appear here when a parallel run starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="223"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_paint.cpp" line="224"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chunk_timeline_tips.cpp" line="15"/>
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="16"/>
        <source>%1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="17"/>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chunk_timeline_tips.cpp" line="19"/>
        <source>%n item(s) failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="21"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="23"/>
        <source>Chunk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="29"/>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="39"/>
        <source>dispatched at %1, result back at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="64"/>
        <source>Merged here (many chunks to a pixel): %1 % busy, mostly %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chunk_timeline_tips.cpp" line="74"/>
        <source>Aggregated %1 from %2: %n chunk(s), %3 items, computing %4 % of the time</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="87"/>
        <source>Start-up: %1 until this worker was ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="89"/>
        <source>Teardown: %1 from the last result until every worker was reaped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_tips.cpp" line="92"/>
        <source>Idle for %1: this worker was done, the run waited for its last chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_view.cpp" line="200"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chunk_timeline_view.cpp" line="204"/>
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
        <location filename="../../ui/control_panel.cpp" line="103"/>
        <source>global lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="105"/>
        <source>threads only: one mutex around every item, a stand-in for Python&apos;s GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="109"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="110"/>
        <source>A pool of processes or of threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="116"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="117"/>
        <source>How tasks reach workers, by Python&apos;s names; static: one block per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="120"/>
        <source>Start method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="121"/>
        <source>processes only: fork inherits the prepared input, spawn rebuilds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="124"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="125"/>
        <source>processes only: items copied through pipes, or shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="128"/>
        <source>Pool lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="129"/>
        <source>processes only: cold times the pool&apos;s start-up, warm starts it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="168"/>
        <source>of %1 usable cores: oversubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.cpp" line="169"/>
        <source>of %1 usable cores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::CpuChart</name>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="47"/>
        <source>CPU per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="48"/>
        <source>serial run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="49"/>
        <source>parallel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="51"/>
        <source>all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="53"/>
        <source>steal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="59"/>
        <source>busy %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="75"/>
        <source>&lt;b&gt;CPU per core&lt;/b&gt; (heat strip: dark = idle, bright = busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="116"/>
        <source>cpu%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="172"/>
        <source>time since start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::EngineClient</name>
    <message>
        <location filename="../../ui/engine_client.cpp" line="117"/>
        <source>the engine did not stop in time and was ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/engine_client.cpp" line="118"/>
        <source>the engine crashed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/engine_client.cpp" line="131"/>
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
        <location filename="../../ui/file_actions.cpp" line="98"/>
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
        <location filename="../../ui/file_actions.cpp" line="100"/>
        <source>Could not save the image:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::HeatStrip</name>
    <message>
        <location filename="../../ui/heat_strip.cpp" line="61"/>
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
        <location filename="../../ui/lesson_panel.cpp" line="24"/>
        <source>DISTURBED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="32"/>
        <source>Free exploration (no lesson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="34"/>
        <source>Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="35"/>
        <source>Ready lessons: each loads its settings and says what you should see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="39"/>
        <source>Run lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="40"/>
        <source>Run every run of the lesson in order, then check what you should see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="63"/>
        <source>%1&lt;br&gt;&lt;b&gt;What you should see:&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="65"/>
        <source>Set the knobs below and press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/lesson_panel.cpp" line="100"/>
        <source>&lt;b&gt;Did it show?&lt;/b&gt; %1 (%n usable core(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/lesson_panel.cpp" line="110"/>
        <source>Other programs were using the CPU: run the lesson again on a quieter machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="38"/>
        <source>PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="54"/>
        <source>The engine&apos;s event stream has a malformed line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="66"/>
        <source>Run &amp;serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="68"/>
        <source>Run the workload serially: one loop in one process (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="69"/>
        <source>Run &amp;parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="71"/>
        <source>Run the workload through the pool (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="72"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="74"/>
        <source>Serial, then parallel, and where the time went (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="75"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="77"/>
        <source>Stop the run; what finished is kept (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="78"/>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="87"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="88"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="91"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="93"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="95"/>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="96"/>
        <source>Run &amp;lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="99"/>
        <source>&amp;Next lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="102"/>
        <source>&amp;Previous lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="104"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="105"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="111"/>
        <source>&amp;About PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="126"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="132"/>
        <source>PoolScope — Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="151"/>
        <location filename="../../ui/main_window.cpp" line="220"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="152"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="153"/>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="341"/>
        <source>Lesson stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="178"/>
        <source>Lessons unavailable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="202"/>
        <source>Runs are not being recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="207"/>
        <source>The stream was read in part:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="208"/>
        <source>Opened request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="212"/>
        <source>Cannot open the stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="216"/>
        <source>Progress chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="217"/>
        <source>CPU chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="218"/>
        <source>Memory chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="219"/>
        <source>Worker timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="223"/>
        <source>Ready. Choose a lesson or set the knobs, then press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="231"/>
        <source>%n usable core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="239"/>
        <source>--lesson: there is no lesson %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="257"/>
        <source>These settings are refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="272"/>
        <source>Run %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="279"/>
        <source>This lesson&apos;s run &apos;%1&apos; was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="284"/>
        <source>Lesson %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="292"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="297"/>
        <source>Run serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="297"/>
        <source>Run parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="297"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="310"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="319"/>
        <source>The engine refused these settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="330"/>
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
        <source>Memory: PSS per process, stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="45"/>
        <source>Σ RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="47"/>
        <location filename="../../ui/memory_chart.cpp" line="176"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="96"/>
        <source>other workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="176"/>
        <source>peak PSS %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="177"/>
        <source>time since start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::ParamForm</name>
    <message>
        <location filename="../../ui/param_form.cpp" line="106"/>
        <source>%1
Range: %2; default: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="108"/>
        <location filename="../../ui/param_form.cpp" line="150"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="116"/>
        <source>(no parameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="156"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/param_form.cpp" line="157"/>
        <location filename="../../ui/param_form.cpp" line="161"/>
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
        <location filename="../../ui/progress_chart.cpp" line="129"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="65"/>
        <location filename="../../ui/progress_chart.cpp" line="130"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="70"/>
        <location filename="../../ui/progress_chart.cpp" line="140"/>
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
        <location filename="../../ui/progress_chart.cpp" line="139"/>
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
        <location filename="../../ui/result_panel.cpp" line="33"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="33"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="34"/>
        <source>wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="35"/>
        <source>%1 (partial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="38"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="40"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="44"/>
        <source>mean CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="107"/>
        <source>Press Compare to run serial, then parallel, and see where the time went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="112"/>
        <source>DIFFER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="113"/>
        <source>speedup &lt;b&gt;%1×&lt;/b&gt;&lt;br&gt;efficiency &lt;b&gt;%2 %&lt;/b&gt;&lt;br&gt;T &lt;b&gt;%3&lt;/b&gt; per task&lt;br&gt;C &lt;b&gt;%4&lt;/b&gt; overhead per task&lt;br&gt;checksums %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="117"/>
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
</TS>
