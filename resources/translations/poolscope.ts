<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
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
        <location filename="../../ui/gui_options.cpp" line="91"/>
        <source>--lesson must be a lesson number; got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/gui_options.cpp" line="114"/>
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
    <name>poolscope::ui</name>
    <message>
        <location filename="../../ui/run_status.cpp" line="20"/>
        <source>Ready. Choose a lesson or set the knobs, then press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="26"/>
        <source>%1: starting the engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="35"/>
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
        <location filename="../../ui/run_status.cpp" line="37"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="46"/>
        <source>%1 done: %n run(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="51"/>
        <source>%1 stopped; the finished part is shown (partial).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="54"/>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/run_status.cpp" line="57"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="19"/>
        <source>starting and ending the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="21"/>
        <source>moving data (serialization and transfer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="25"/>
        <source>waiting (for work or a core, imbalance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="31"/>
        <source>Run Compare to see serial and parallel side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="33"/>
        <source>The parallel run did not finish (%n error(s)); the figures cover only the items that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="37"/>
        <source>Serial and parallel results DIFFER: the checksums do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="39"/>
        <source>Other programs used %1 % of the CPU during these runs: speedup %2×, T %3, C %4 are disturbed. No advice from them; run again on a quieter machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="47"/>
        <source>T &gt; 10·C: the tasks are big enough for the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="48"/>
        <source>T &lt; 10·C: the tasks are too small for the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="49"/>
        <source>T %1, C %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="51"/>
        <source>Parallel is %1× slower: %2 took %3 against %4 of compute (worker-seconds). %5. Try serial, fewer workers or bigger chunks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verdict_text.cpp" line="56"/>
        <source>Parallel is %1× faster, efficiency %2 %. The biggest overhead: %3, %4. %5.</source>
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
        <location filename="../../ui/cpu_chart.cpp" line="115"/>
        <source>cpu%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cpu_chart.cpp" line="166"/>
        <source>time since start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::EngineClient</name>
    <message>
        <location filename="../../ui/engine_client.cpp" line="114"/>
        <source>the engine did not stop in time and was ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/engine_client.cpp" line="115"/>
        <source>the engine crashed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/engine_client.cpp" line="128"/>
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
    <name>poolscope::ui::HeatStrip</name>
    <message>
        <location filename="../../ui/heat_strip.cpp" line="61"/>
        <source>cpu%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::LessonBox</name>
    <message>
        <location filename="../../ui/lesson_box.cpp" line="12"/>
        <source>Free exploration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_box.cpp" line="14"/>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_box.cpp" line="15"/>
        <source>Ready lessons: each loads its settings and says what you should see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lesson_box.cpp" line="26"/>
        <source>&lt;b&gt;What you should see:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poolscope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="29"/>
        <source>PoolScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="43"/>
        <source>The engine&apos;s event stream has a malformed line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="55"/>
        <source>Run &amp;serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="57"/>
        <source>Run the workload serially: one loop in one process (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="58"/>
        <source>Run &amp;parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="60"/>
        <source>Run the workload through the pool (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="61"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="63"/>
        <source>Serial, then parallel, and where the time went (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="64"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="66"/>
        <source>Stop the run; what finished is kept (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="67"/>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="76"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="79"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="81"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="96"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="107"/>
        <source>PoolScope — Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="109"/>
        <source>This lesson&apos;s settings are refused:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="140"/>
        <source>Lessons unavailable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="142"/>
        <source>Ready. Choose a lesson or set the knobs, then press Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="150"/>
        <source>%n usable core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="157"/>
        <source>--lesson: there is no lesson %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="173"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="178"/>
        <source>Run serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="178"/>
        <source>Run parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="178"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="190"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="199"/>
        <source>The engine refused these settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="210"/>
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
        <location filename="../../ui/memory_chart.cpp" line="165"/>
        <source>peak PSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="95"/>
        <source>other workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="165"/>
        <source>peak PSS %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/memory_chart.cpp" line="167"/>
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
        <location filename="../../ui/progress_chart.cpp" line="48"/>
        <source>%1 (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="50"/>
        <source>%1: %2 (partial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="51"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="58"/>
        <source>Progress: items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="63"/>
        <location filename="../../ui/progress_chart.cpp" line="120"/>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="64"/>
        <location filename="../../ui/progress_chart.cpp" line="121"/>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="69"/>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="77"/>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="78"/>
        <source>teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/progress_chart.cpp" line="131"/>
        <source>time since the run&apos;s start (%1)</source>
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
        <location filename="../../ui/result_panel.cpp" line="100"/>
        <source>Press Compare to run serial, then parallel, and see where the time went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="105"/>
        <source>DIFFER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="106"/>
        <source>speedup &lt;b&gt;%1×&lt;/b&gt;&lt;br&gt;efficiency &lt;b&gt;%2 %&lt;/b&gt;&lt;br&gt;T &lt;b&gt;%3&lt;/b&gt; per task&lt;br&gt;C &lt;b&gt;%4&lt;/b&gt; overhead per task&lt;br&gt;checksums %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/result_panel.cpp" line="110"/>
        <source>&lt;b&gt;match&lt;/b&gt;</source>
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
</TS>
