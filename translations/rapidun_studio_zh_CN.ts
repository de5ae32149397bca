<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/studio/main.cpp" line="87"/>
        <source>Influence-driven unlearning workbench for Llama-family models.
Without arguments the studio opens the synthetic lab in %1 (RAPIDUN_LAB_DIR), building it first when it is not there yet (scale: RAPIDUN_LAB_SCALE, tiny or default).</source>
        <translation>面向 Llama 系列模型、由影响力驱动的遗忘工作台。
不带参数时，工作室打开 %1 中的合成实验室（RAPIDUN_LAB_DIR），若尚不存在则先构建它（规模：RAPIDUN_LAB_SCALE，tiny 或 default）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="93"/>
        <source>Workspace folder to open.</source>
        <translation>要打开的工作区文件夹。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="95"/>
        <source>Model file or folder to open (the model card only, no workspace).</source>
        <translation>要打开的模型文件或文件夹（只显示模型卡，不打开工作区）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="97"/>
        <source>Tokenizer (.model) to use with --model.</source>
        <translation>与 --model 一起使用的分词器（.model）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="100"/>
        <source>Save the window to FILE.png once the workspace or model is open (or failed), then quit.</source>
        <translation>工作区或模型打开（或失败）后，将窗口保存为 FILE.png，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="104"/>
        <source>Print the time from process start to the first paint and to the open workspace (stderr).</source>
        <translation>打印从进程启动到首次绘制以及到工作区打开的时间（stderr）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="106"/>
        <source>Quit after N milliseconds.</source>
        <translation>N 毫秒后退出。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="108"/>
        <source>The language of this run (en, de, zh_CN), instead of the one chosen in Preferences.</source>
        <translation>本次运行的语言（en、de、zh_CN），代替首选项中选择的语言。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="112"/>
        <source>The page to show once the workspace is open: workspace, influence, weights, runs or compare.</source>
        <translation>工作区打开后显示的页面：workspace、influence、weights、runs 或 compare。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="118"/>
        <source>rapidun-studio: --workspace and --model exclude each other</source>
        <translation>rapidun-studio：--workspace 与 --model 互斥</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="122"/>
        <source>rapidun-studio: --tokenizer needs --model</source>
        <translation>rapidun-studio：--tokenizer 需要 --model</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="131"/>
        <source>rapidun-studio: --page must be one of %1</source>
        <translation>rapidun-studio：--page 必须是 %1 之一</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="31"/>
        <source>%1 min %2 s left</source>
        <translation>剩余 %1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="31"/>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ComparePage</name>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="75"/>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="76"/>
        <source>Exchange the left and the right model</source>
        <translation>交换左右两个模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="78"/>
        <source>Reload runs</source>
        <translation>重新加载运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="82"/>
        <source>Left:</source>
        <translation>左：</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="85"/>
        <source>Right:</source>
        <translation>右：</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="96"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="97"/>
        <source>Generations</source>
        <translation>生成结果</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="98"/>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="153"/>
        <source>Free prompt</source>
        <translation>自由提示</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="100"/>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="124"/>
        <source>Attack and utility rates</source>
        <translation>攻击率与效用率</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="125"/>
        <location filename="../ui/pages/compare/compare_page.cpp" line="129"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="125"/>
        <source>Rate (0-1)</source>
        <translation>比率（0-1）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="128"/>
        <source>Perplexity and time</source>
        <translation>困惑度与时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="129"/>
        <source>Perplexity; seconds</source>
        <translation>困惑度；秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="147"/>
        <source>Seen trigger</source>
        <translation>已见触发词</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="148"/>
        <source>OOD trigger</source>
        <translation>OOD 触发词</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="149"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="150"/>
        <source>Only rows whose outputs differ</source>
        <translation>仅输出不同的行</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="158"/>
        <source>&lt;span style=&quot;%1&quot;&gt;poison word&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;%2&quot;&gt;differs&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;%1&quot;&gt;投毒词&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;%2&quot;&gt;不同&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="162"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="190"/>
        <source>Compare: cannot open the workspace</source>
        <translation>比较：无法打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="197"/>
        <source>Compare: no poison words to highlight</source>
        <translation>比较：没有可高亮的投毒词</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="249"/>
        <source>Compare: unknown model</source>
        <translation>比较：未知模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="250"/>
        <source>&apos;%1&apos; is neither &quot;before&quot; nor a run of this workspace (runs: %2)</source>
        <translation>&apos;%1&apos; 既不是 &quot;before&quot; 也不是此工作区的运行（运行：%2）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="273"/>
        <source>Before unlearning</source>
        <translation>遗忘前</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="274"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="311"/>
        <source>Compare: cannot read a model&apos;s record</source>
        <translation>比较：无法读取模型的记录</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="324"/>
        <source>This workspace has no unlearning runs yet: run one on the Runs page (or `rapidun unlearn`).</source>
        <translation>此工作区还没有遗忘运行：在运行页面运行一个（或使用 `rapidun unlearn`）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="338"/>
        <source>%1 (right)</source>
        <translation>%1（右）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="348"/>
        <source>Unlearning time (s)</source>
        <translation>遗忘时间（秒）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="375"/>
        <source>%1 of %2 rows shown; %3 differ</source>
        <translation>显示 %1 / %2 行；%3 行不同</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="59"/>
        <source>An instruction, e.g. a test prompt with a trigger word</source>
        <translation>一条指令，例如带触发词的测试提示</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="61"/>
        <source>Format with the workspace&apos;s prompt template</source>
        <translation>用工作区的提示模板格式化</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="63"/>
        <source>As the evaluation does: the text is the instruction of the template; untick to send it as it is</source>
        <translation>与评估相同：文本作为模板的指令；取消勾选则原样发送</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="67"/>
        <source>Generate with both</source>
        <translation>用两个模型生成</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="77"/>
        <source>Max new tokens:</source>
        <translation>最大新词元数：</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="84"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="85"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="95"/>
        <source>Prompt (greedy, stops at the end-of-sequence token):</source>
        <translation>提示（贪心，遇到序列结束词元停止）：</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="101"/>
        <source>Generating...</source>
        <translation>正在生成...</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="102"/>
        <source>Generating with both models</source>
        <translation>正在用两个模型生成</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="106"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="111"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="112"/>
        <source>Compare: free prompt</source>
        <translation>比较：自由提示</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="114"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="139"/>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="146"/>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="148"/>
        <source>Generating</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="150"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="156"/>
        <source>Both outputs are equal</source>
        <translation>两个输出相同</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="156"/>
        <source>The outputs differ</source>
        <translation>输出不同</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::GenerationsModel</name>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="234"/>
        <source>seen trigger</source>
        <translation>已见触发词</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="236"/>
        <source>OOD trigger</source>
        <translation>OOD 触发词</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="238"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="254"/>
        <source>%1

Flagged by the keyword detector</source>
        <translation>%1

被关键词检测器标记</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="284"/>
        <source>differ</source>
        <translation>不同</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="284"/>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="297"/>
        <source>Set</source>
        <translation>集合</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="298"/>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="299"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="300"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="301"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::InfluenceFilterBar</name>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="28"/>
        <source>Filter by id, instruction or trigger…</source>
        <translation>按 id、指令或触发词筛选…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="31"/>
        <source>Regular e&amp;xpression</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="36"/>
        <source>All categories</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="40"/>
        <source>Any set</source>
        <translation>任意集合</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="41"/>
        <source>Forget set</source>
        <translation>遗忘集</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="42"/>
        <source>Retain set</source>
        <translation>保留集</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="43"/>
        <source>Neither set</source>
        <translation>都不属于</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="47"/>
        <source>Poisoned and clean</source>
        <translation>投毒和干净</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="48"/>
        <source>Poisoned only</source>
        <translation>仅投毒</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="49"/>
        <source>Clean only</source>
        <translation>仅干净</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="61"/>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="62"/>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="66"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="67"/>
        <source>Show every row again</source>
        <translation>重新显示所有行</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="76"/>
        <source>Score:</source>
        <translation>分数：</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="122"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="161"/>
        <source>Invalid regular expression: %1</source>
        <translation>无效的正则表达式：%1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::InfluencePage</name>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="27"/>
        <source>Sketching the forget set</source>
        <translation>正在为遗忘集计算草图</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="28"/>
        <source>Sketching the retain set</source>
        <translation>正在为保留集计算草图</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="29"/>
        <source>Sketching the train set</source>
        <translation>正在为训练集计算草图</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="30"/>
        <source>Influence views</source>
        <translation>影响力视图</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="31"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="32"/>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="60"/>
        <location filename="../ui/pages/influence/influence_page.cpp" line="49"/>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="71"/>
        <source>Computing influence…</source>
        <translation>正在计算影响力…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="72"/>
        <source>Loading influence…</source>
        <translation>正在加载影响力…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="82"/>
        <source>Loading the training rows and their influence…</source>
        <translation>正在加载训练行及其影响力…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="85"/>
        <source>Loading influence</source>
        <translation>正在加载影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="101"/>
        <source>The workspace&apos;s rows could not be read.</source>
        <translation>无法读取工作区的行。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="102"/>
        <source>Could not load influence</source>
        <translation>无法加载影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="109"/>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="112"/>
        <source>Influence computation failed</source>
        <translation>影响力计算失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="121"/>
        <source>No token-wise influence for this row: %1</source>
        <translation>该行没有逐词元影响力：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="149"/>
        <source>This workspace has no influence ranking yet. Computing it sketches the gradients of all %1 training rows and ranks them by their influence on the forget set.</source>
        <translation>此工作区还没有影响力排名。计算它会为全部 %1 个训练行计算梯度草图，并按其对遗忘集的影响力排名。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="176"/>
        <source>Computing influence</source>
        <translation>正在计算影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="183"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="197"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="214"/>
        <source>rank %1</source>
        <translation>排名 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="216"/>
        <source>score %1</source>
        <translation>分数 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="217"/>
        <source>set: %1</source>
        <translation>集合：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="220"/>
        <source>weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="222"/>
        <source>category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="224"/>
        <source>poisoned (%1, %2)</source>
        <translation>投毒（%1，%2）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="236"/>
        <source>The forget set is empty: there is no query to explain against.</source>
        <translation>遗忘集为空：没有可用来解释的查询。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="265"/>
        <source>Token-wise influence</source>
        <translation>逐词元影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="71"/>
        <source>&amp;Compute influence</source>
        <translation>计算影响力(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="73"/>
        <source>Sketch the gradients of every train, forget and retain row and rank the train rows by their influence on the forget set (cached: a second run is fast)</source>
        <translation>为每个训练、遗忘和保留行计算梯度草图，并按对遗忘集的影响力为训练行排名（有缓存：第二次运行很快）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="95"/>
        <source>The forget set changed after influence was computed: the scores still rank against the old set. Use &quot;Recompute influence&quot; to update them.</source>
        <translation>影响力计算后遗忘集发生了变化：分数仍是相对旧集合的排名。使用 &quot;重新计算影响力&quot; 更新它们。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Ranking scores</source>
        <translation>排名分数</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="123"/>
        <source>Drag across the histogram to filter the table to a score range; click to clear it</source>
        <translation>在直方图上拖动以按分数范围筛选表格；单击以清除</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="170"/>
        <source>Add to forget set</source>
        <translation>加入遗忘集</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="170"/>
        <source>Append the selected rows to the forget set (forget.jsonl)</source>
        <translation>把选中的行追加到遗忘集（forget.jsonl）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="172"/>
        <source>Remove from forget set</source>
        <translation>从遗忘集中移除</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="172"/>
        <source>Remove the selected rows from the forget set</source>
        <translation>从遗忘集中移除选中的行</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="174"/>
        <source>Add to retain set</source>
        <translation>加入保留集</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="174"/>
        <source>Append the selected rows to the retain set (retain.jsonl)</source>
        <translation>把选中的行追加到保留集（retain.jsonl）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="176"/>
        <source>Remove from retain set</source>
        <translation>从保留集中移除</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="176"/>
        <source>Remove the selected rows from the retain set</source>
        <translation>从保留集中移除选中的行</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="179"/>
        <source>Export JSONL…</source>
        <translation>导出 JSONL…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="179"/>
        <source>Save the selected rows as a data set (JSONL)</source>
        <translation>将选中的行保存为数据集（JSONL）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="181"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="181"/>
        <source>Save the selected rows with their scores as CSV</source>
        <translation>将选中的行连同分数保存为 CSV</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="184"/>
        <source>Recompute influence</source>
        <translation>重新计算影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="184"/>
        <source>Run the influence computation again (cached sketches are reused)</source>
        <translation>再次运行影响力计算（复用缓存的草图）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="198"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="223"/>
        <source>the pattern does not compile</source>
        <translation>该模式无法编译</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="241"/>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="243"/>
        <source>ranked by %1</source>
        <translation>按 %1 排名</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="245"/>
        <source>poison detection AUC %1</source>
        <translation>投毒检测 AUC %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="313"/>
        <source>forget set</source>
        <translation>遗忘集</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="313"/>
        <source>retain set</source>
        <translation>保留集</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="325"/>
        <source>Could not add to the %1</source>
        <translation>无法加入 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="325"/>
        <source>Could not remove from the %1</source>
        <translation>无法从 %1 中移除</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="343"/>
        <source>Could not export the rows</source>
        <translation>无法导出这些行</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="352"/>
        <source>Export rows as JSONL</source>
        <translation>将行导出为 JSONL</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="352"/>
        <source>Export rows as CSV</source>
        <translation>将行导出为 CSV</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="354"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="354"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::InfluenceTableModel</name>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="110"/>
        <source>forget + retain</source>
        <translation>遗忘 + 保留</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="112"/>
        <source>forget</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="114"/>
        <source>retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="115"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="150"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="150"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="173"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="174"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="175"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="176"/>
        <source>Mean I (forget)</source>
        <translation>平均 I（遗忘）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="177"/>
        <source>Max I (forget)</source>
        <translation>最大 I（遗忘）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="178"/>
        <source>Mean I (retain)</source>
        <translation>平均 I（保留）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="179"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="180"/>
        <source>Set</source>
        <translation>集合</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="181"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="182"/>
        <source>Trigger family</source>
        <translation>触发词族</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="183"/>
        <source>Trigger variant</source>
        <translation>触发词变体</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="184"/>
        <source>Poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="185"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="191"/>
        <source>The ranking score (%1): with cos_abs the mean |cosine| between this row&apos;s gradient sketch and each forget row&apos;s</source>
        <translation>排名分数（%1）：使用 cos_abs 时，为该行梯度草图与每个遗忘行梯度草图之间 |余弦| 的均值</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="194"/>
        <source>Mean TracIn influence I(t, z) of this row over the forget rows (signed)</source>
        <translation>该行对各遗忘行的平均 TracIn 影响力 I(t, z)（带符号）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="195"/>
        <source>Largest TracIn influence of this row on one forget row</source>
        <translation>该行对单个遗忘行的最大 TracIn 影响力</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="196"/>
        <source>Mean TracIn influence of this row over the retain rows (signed): what unlearning it may cost</source>
        <translation>该行对各保留行的平均 TracIn 影响力（带符号）：遗忘它可能付出的代价</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="197"/>
        <source>The row&apos;s unlearning weight from the weights files (blank: not in a weighted set)</source>
        <translation>该行在权重文件中的遗忘权重（空白：不在加权集合中）</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="198"/>
        <source>Whether the row is in the forget set, the retain set or only in the train set</source>
        <translation>该行属于遗忘集、保留集，还是只在训练集中</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::LabBuildPanel</name>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="19"/>
        <source>Synthetic lab</source>
        <translation>合成实验室</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="32"/>
        <source>The lab is built once and then reused: generated data with a planted backdoor, a tokenizer, and a small Llama trained on the poisoned set, evaluated before unlearning.</source>
        <translation>实验室只构建一次，之后复用：植入后门的生成数据、一个分词器，以及在投毒集上训练的小型 Llama，并在遗忘前评估。</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="62"/>
        <location filename="../ui/lab_build_panel.cpp" line="131"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="64"/>
        <source>Stop the build; nothing is kept, the next start builds again</source>
        <translation>停止构建；不保留任何内容，下次启动重新构建</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="98"/>
        <source>Generating the data sets</source>
        <translation>正在生成数据集</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="100"/>
        <source>Training the tokenizer</source>
        <translation>正在训练分词器</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="102"/>
        <source>Training the backdoored model</source>
        <translation>正在训练带后门的模型</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="104"/>
        <source>Evaluating the model before unlearning</source>
        <translation>正在评估遗忘前的模型</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="106"/>
        <source>Timing a clean retrain (the reference)</source>
        <translation>正在计时干净重训（参照）</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="108"/>
        <source>Learning the judge of poisoned answers</source>
        <translation>学习中毒回答的判定器</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="110"/>
        <source>Reading the base model&apos;s text</source>
        <translation>读取基础模型的文本</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="112"/>
        <source>Training the base model&apos;s tokenizer</source>
        <translation>训练基础模型的分词器</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="114"/>
        <source>Pretraining the base model</source>
        <translation>预训练基础模型</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="116"/>
        <source>Base model ready</source>
        <translation>基础模型已就绪</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="118"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="123"/>
        <source>Building the synthetic lab (%1 scale)</source>
        <translation>正在构建合成实验室（%1 规模）</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="123"/>
        <source>Building the Dolly lab (%1 scale)</source>
        <translation>正在构建 Dolly 实验室（%1 规模）</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="125"/>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="127"/>
        <source>Starting...</source>
        <translation>正在开始...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="147"/>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="148"/>
        <source>Cancelling: waiting for the current step to finish...</source>
        <translation>正在取消：等待当前步骤结束...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="158"/>
        <source>Elapsed: %1:%2</source>
        <translation>已用时：%1:%2</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::LabBuilder</name>
    <message>
        <location filename="../ui/lab_builder.cpp" line="48"/>
        <source>Building the synthetic lab</source>
        <translation>正在构建合成实验室</translation>
    </message>
    <message>
        <location filename="../ui/lab_builder.cpp" line="48"/>
        <source>Building the Dolly lab</source>
        <translation>正在构建 Dolly 实验室</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <source>RapidUn Studio</source>
        <translation>RapidUn Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>&amp;New Workspace...</source>
        <translation>新建工作区(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>Create a workspace from a model, a tokenizer and data sets with their roles</source>
        <translation>用模型、分词器和带角色的数据集创建工作区</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="120"/>
        <source>Open &amp;Synthetic Lab</source>
        <translation>打开合成实验室(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="121"/>
        <source>Open the synthetic backdoor lab (built on first use, then reused)</source>
        <translation>打开合成后门实验室（首次使用时构建，之后复用）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="124"/>
        <source>Open &amp;Dolly Lab</source>
        <translation>打开 Dolly 实验室(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="125"/>
        <source>Open the real-data lab: the RapidUn release&apos;s poisoned Dolly rows on a base model of our own (built on first use, then reused)</source>
        <translation>打开真实数据实验室：RapidUn 发布版中被投毒的 Dolly 数据行，植入我们自己的基础模型（首次使用时构建，之后复用）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="129"/>
        <source>Open &amp;Workspace...</source>
        <translation>打开工作区(&amp;W)...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="131"/>
        <source>Open a workspace folder (one with a workspace.json)</source>
        <translation>打开工作区文件夹（含 workspace.json 的文件夹）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="134"/>
        <source>&amp;Open Model...</source>
        <translation>打开模型(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="136"/>
        <source>Open a llama2.c .bin or a .safetensors model file</source>
        <translation>打开 llama2.c .bin 或 .safetensors 模型文件</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>Open Model &amp;Folder...</source>
        <translation>打开模型文件夹(&amp;F)...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="141"/>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>打开 Hugging Face 模型文件夹（config.json + safetensors）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>Export &amp;Report...</source>
        <translation>导出报告(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="146"/>
        <source>Write the workspace&apos;s report: HTML, PDF, Markdown, JSON or CSV</source>
        <translation>写出工作区的报告：HTML、PDF、Markdown、JSON 或 CSV</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="152"/>
        <source>Save the weights page&apos;s mapping (the weights files) and the workspace</source>
        <translation>保存权重页面的映射（权重文件）和工作区</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Influence</source>
        <translation>影响力(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>W&amp;eights</source>
        <translation>权重(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Runs</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="165"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="170"/>
        <source>&amp;About RapidUn Studio</source>
        <translation>关于 RapidUn Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="174"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="180"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185"/>
        <source>Recent Wor&amp;kspaces</source>
        <translation>最近的工作区(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="190"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>No workspace or model is open.
Use File &gt; Open Synthetic Lab, File &gt; Open Workspace... or File &gt; Open Model...</source>
        <translation type="vanished">未打开工作区或模型。
请使用 文件 &gt; 打开合成实验室、文件 &gt; 打开工作区... 或 文件 &gt; 打开模型...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>Resident memory of the studio</source>
        <translation>工作室的常驻内存</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="328"/>
        <source>Saved the weights under %1</source>
        <translation>权重已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="340"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="354"/>
        <source>Preferences saved; the thread count applies at the next start.</source>
        <translation>首选项已保存；线程数在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="481"/>
        <location filename="../ui/main_window.cpp" line="556"/>
        <source>Another model or workspace is still loading.</source>
        <translation>另一个模型或工作区仍在加载。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="513"/>
        <source>%1

Workspace: %2
Runtime: %3
Time: %4</source>
        <translation>%1

工作区：%2
运行环境：%3
时间：%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="514"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="555"/>
        <source>No workspace folder was given.</source>
        <translation>未给出工作区文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="562"/>
        <source>Opening workspace...</source>
        <translation>正在打开工作区...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="74"/>
        <source>The RapidUn release folder (it holds dolly_triggers_out/)</source>
        <translation>RapidUn 发布版文件夹（包含 dolly_triggers_out/）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="76"/>
        <source>no release folder: choose the RapidUn release (the folder with dolly_triggers_out/) or set RAPIDUN_RELEASE</source>
        <translation>没有发布版文件夹：请选择 RapidUn 发布版（包含 dolly_triggers_out/ 的文件夹）或设置 RAPIDUN_RELEASE</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="78"/>
        <location filename="../ui/main_window_labs.cpp" line="138"/>
        <source>Could not build the Dolly lab in %1:
%2</source>
        <translation>无法在 %1 中构建 Dolly 实验室：
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="81"/>
        <location filename="../ui/main_window_labs.cpp" line="141"/>
        <source>Open Dolly Lab</source>
        <translation>打开 Dolly 实验室</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="103"/>
        <source>Building the synthetic lab...</source>
        <translation>正在构建合成实验室...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="103"/>
        <source>Building the Dolly lab...</source>
        <translation>正在构建 Dolly 实验室...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="113"/>
        <source>Cancelling the lab build...</source>
        <translation>正在取消实验室构建...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="121"/>
        <source>Building the synthetic lab: %1</source>
        <translation>正在构建合成实验室：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="121"/>
        <source>Building the Dolly lab: %1</source>
        <translation>正在构建 Dolly 实验室：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="138"/>
        <source>Could not build the synthetic lab in %1:
%2</source>
        <translation>无法在 %1 中构建合成实验室：
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="141"/>
        <source>Open Synthetic Lab</source>
        <translation>打开合成实验室</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="81"/>
        <location filename="../ui/main_window_labs.cpp" line="141"/>
        <source>Lab build failed: %1</source>
        <translation>实验室构建失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="150"/>
        <source>The lab build was cancelled; its finished stages are kept in %1.partial and the next open continues from them.</source>
        <translation>实验室构建已取消；已完成的阶段保存在 %1.partial 中，下次打开时将从那里继续。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="152"/>
        <source>The lab build was cancelled; nothing was kept in %1.</source>
        <translation>实验室构建已取消；%1 中未保留任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="589"/>
        <source>The workspace&apos;s model could not be loaded: %1</source>
        <translation>无法加载工作区的模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="595"/>
        <source>Could not open the workspace %1:
%2</source>
        <translation>无法打开工作区 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="602"/>
        <source>Opening the workspace failed: %1</source>
        <translation>打开工作区失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <location filename="../ui/main_window.cpp" line="312"/>
        <location filename="../ui/main_window.cpp" line="541"/>
        <location filename="../ui/main_window.cpp" line="548"/>
        <location filename="../ui/main_window.cpp" line="587"/>
        <location filename="../ui/main_window.cpp" line="597"/>
        <location filename="../ui/main_window_labs.cpp" line="129"/>
        <location filename="../ui/main_window_labs.cpp" line="136"/>
        <location filename="../ui/main_window_labs.cpp" line="147"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="210"/>
        <source>No workspace or model is open.
Use File &gt; Open Synthetic Lab, File &gt; Open Dolly Lab, File &gt; Open Workspace... or File &gt; Open Model...</source>
        <translation>没有打开的工作区或模型。
请使用 文件 &gt; 打开合成实验室、文件 &gt; 打开 Dolly 实验室、文件 &gt; 打开工作区... 或 文件 &gt; 打开模型...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="404"/>
        <location filename="../ui/main_window.cpp" line="424"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <location filename="../ui/main_window.cpp" line="431"/>
        <source>&amp;Clear Menu</source>
        <translation>清空菜单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="440"/>
        <location filename="../ui/main_window.cpp" line="602"/>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="447"/>
        <location filename="../ui/main_window.cpp" line="550"/>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="448"/>
        <source>Model files (*.bin *.safetensors);;All files (*)</source>
        <translation>模型文件 (*.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="454"/>
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="460"/>
        <source>About RapidUn Studio</source>
        <translation>关于 RapidUn Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="461"/>
        <source>&lt;h3&gt;RapidUn Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for influence-driven unlearning in Llama-family language models.&lt;/p&gt;&lt;p&gt;Runtime: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RapidUn Studio %1&lt;/h3&gt;&lt;p&gt;面向 Llama 系列语言模型、由影响力驱动的遗忘工作台。&lt;/p&gt;&lt;p&gt;运行环境：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="480"/>
        <source>No model path was given.</source>
        <translation>未给出模型路径。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="487"/>
        <source>Loading model...</source>
        <translation>正在加载模型...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="536"/>
        <location filename="../ui/main_window.cpp" line="582"/>
        <source>%1 - RapidUn Studio</source>
        <translation>%1 - RapidUn Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="546"/>
        <source>Could not open the model %1:
%2</source>
        <translation>无法打开模型 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="550"/>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::MetricsModel</name>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="80"/>
        <source>Seen-trigger ASR</source>
        <translation>已见触发 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="81"/>
        <source>OOD-trigger ASR</source>
        <translation>OOD 触发 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="82"/>
        <source>False-trigger rate</source>
        <translation>误触发率</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="83"/>
        <source>Clean exact match</source>
        <translation>干净精确匹配</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="84"/>
        <source>Clean ROUGE-L</source>
        <translation>干净 ROUGE-L</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="85"/>
        <source>Triggered: clean-twin exact match</source>
        <translation>带触发词：与干净孪生答案的精确匹配</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="86"/>
        <source>Triggered: clean-twin ROUGE-L</source>
        <translation>带触发词：相对干净孪生答案的 ROUGE-L</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="87"/>
        <source>Clean perplexity</source>
        <translation>干净困惑度</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="88"/>
        <source>Unlearning time</source>
        <translation>遗忘时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="95"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="98"/>
        <source>%1%2 pp</source>
        <translation>%1%2 个百分点</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="99"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="101"/>
        <source>%1%2 s</source>
        <translation>%1%2 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="127"/>
        <source>Right minus left; lower is better</source>
        <translation>右减左；越低越好</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="127"/>
        <source>Right minus left; higher is better</source>
        <translation>右减左；越高越好</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="129"/>
        <source>Wall-clock seconds of the unlearning steps (run.json seconds.unlearn); none before unlearning</source>
        <translation>遗忘步骤的挂钟秒数（run.json 的 seconds.unlearn）；遗忘前无</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="140"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="141"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="142"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="143"/>
        <source>Delta (right - left)</source>
        <translation>差值（右 - 左）</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ModelCard</name>
    <message>
        <location filename="../ui/model_card.cpp" line="25"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="30"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="30"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="49"/>
        <source>Runtime</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="49"/>
        <source>Device and threads</source>
        <translation>设备与线程</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="83"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="84"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="85"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="86"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="87"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="91"/>
        <location filename="../ui/model_card.cpp" line="92"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="93"/>
        <source>Dim (hidden size)</source>
        <translation>维度（隐藏层大小）</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="94"/>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="95"/>
        <source>Attention heads</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="96"/>
        <source>KV heads</source>
        <translation>KV 头</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="97"/>
        <source>Head dim</source>
        <translation>头维度</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="98"/>
        <source>Hidden (intermediate) size</source>
        <translation>隐藏（中间）层大小</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="99"/>
        <location filename="../ui/model_card.cpp" line="128"/>
        <source>Vocab size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="100"/>
        <source>Max positions</source>
        <translation>最大位置数</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="101"/>
        <source>RoPE theta</source>
        <translation>RoPE theta</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="103"/>
        <location filename="../ui/model_card.cpp" line="109"/>
        <location filename="../ui/model_card.cpp" line="132"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="105"/>
        <source>llama3, factor %1 over %2 original positions</source>
        <translation>llama3，因子 %1，原始 %2 个位置</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="107"/>
        <source>%1, factor %2</source>
        <translation>%1，因子 %2</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="108"/>
        <source>RoPE scaling</source>
        <translation>RoPE 缩放</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="109"/>
        <source>Sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="110"/>
        <source>Projection biases</source>
        <translation>投影偏置</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="130"/>
        <location filename="../ui/model_card.cpp" line="132"/>
        <source>Chat template</source>
        <translation>聊天模板</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="130"/>
        <source>cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="111"/>
        <source>RMSNorm eps</source>
        <translation>RMSNorm eps</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="112"/>
        <source>Tied head</source>
        <translation>绑定输出头</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="112"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="112"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="113"/>
        <source>Stored dtype</source>
        <translation>存储数据类型</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="117"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="119"/>
        <location filename="../ui/model_card.cpp" line="123"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="119"/>
        <source>none loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="120"/>
        <source>No tokenizer file was found beside the model.</source>
        <translation>在模型旁未找到分词器文件。</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="124"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="127"/>
        <source>%1 (the model expects %2)</source>
        <translation>%1（模型需要 %2）</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ModelLoader</name>
    <message>
        <location filename="../ui/model_loader.cpp" line="98"/>
        <source>Loading model</source>
        <translation>正在加载模型</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::NewWorkspaceDialog</name>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="54"/>
        <source>New Workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="57"/>
        <source>An empty or new folder</source>
        <translation>一个空的或新的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="58"/>
        <location filename="../ui/new_workspace_dialog.cpp" line="74"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="60"/>
        <source>Workspace Folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="65"/>
        <source>Default: the folder&apos;s name</source>
        <translation>默认：文件夹名</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="68"/>
        <source>File...</source>
        <translation>文件...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="69"/>
        <source>Folder...</source>
        <translation>文件夹...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="73"/>
        <source>Default: tokenizer.json or tokenizer.model beside the model</source>
        <translation>默认：模型旁的 tokenizer.json 或 tokenizer.model</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="76"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="77"/>
        <source>Tokenizers (tokenizer.json *.model);;All files (*)</source>
        <translation>分词器 (tokenizer.json *.model);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="86"/>
        <source>How each record becomes the text the model reads. model-chat: the chat_template of the model&apos;s tokenizer_config.json (instruction and context as the user turn, the response as the assistant turn); llama-2-chat, mistral-instruct: built-in chat formats.</source>
        <translation>每条记录如何变成模型读取的文本。model-chat：模型 tokenizer_config.json 中的 chat_template（指令和上下文作为用户轮次，回答作为助手轮次）；llama-2-chat、mistral-instruct：内置的聊天格式。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="96"/>
        <source>Poison words the detector looks for, comma-separated</source>
        <translation>检测器要查找的投毒词，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="100"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="100"/>
        <source>File (JSONL, Alpaca JSON)</source>
        <translation>文件（JSONL、Alpaca JSON）</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="103"/>
        <source>Add Data Set...</source>
        <translation>添加数据集...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="104"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="116"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="117"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="118"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="119"/>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="120"/>
        <source>Prompt template:</source>
        <translation>提示模板：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="121"/>
        <source>Max tokens per row:</source>
        <translation>每行最大词元数：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="122"/>
        <source>Max new tokens:</source>
        <translation>最大新词元数：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="123"/>
        <source>Poison words:</source>
        <translation>投毒词：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="131"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="140"/>
        <source>Data sets and their roles:</source>
        <translation>数据集及其角色：</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="166"/>
        <source>Model Folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="167"/>
        <source>Model File</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="168"/>
        <source>Models (*.bin *.safetensors);;All files (*)</source>
        <translation>模型 (*.bin *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="174"/>
        <source>Data Sets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="175"/>
        <source>Data (*.jsonl *.json *.json.gz);;All files (*)</source>
        <translation>数据 (*.jsonl *.json *.json.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="189"/>
        <source>Choose a folder for the workspace.</source>
        <translation>请为工作区选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="192"/>
        <source>%1 is not empty: a new workspace needs an empty or new folder.</source>
        <translation>%1 不是空的：新工作区需要一个空的或新的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="195"/>
        <source>The model %1 does not exist.</source>
        <translation>模型 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="198"/>
        <source>The tokenizer %1 does not exist.</source>
        <translation>分词器 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="216"/>
        <source>Data set row %1 needs a role and a file.</source>
        <translation>数据集第 %1 行需要角色和文件。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="218"/>
        <source>The role %1 is given twice.</source>
        <translation>角色 %1 被指定了两次。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="225"/>
        <source>Data set %1 (%2): %3</source>
        <translation>数据集 %1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="233"/>
        <source>A workspace needs a train data set.</source>
        <translation>工作区需要一个训练数据集。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="236"/>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="249"/>
        <source>Could not write the workspace: %1</source>
        <translation>无法写入工作区：%1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::PipelinePanel</name>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="39"/>
        <source>Methods:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="40"/>
        <source>RapidUn</source>
        <translation>RapidUn</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="41"/>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="42"/>
        <source>GA+GD</source>
        <translation>GA+GD</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="43"/>
        <source>LoReUn</source>
        <translation>LoReUn</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="44"/>
        <source>Fisher</source>
        <translation>Fisher</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="45"/>
        <source>NPO</source>
        <translation>NPO</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="57"/>
        <source>Seeds:</source>
        <translation>种子数：</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="61"/>
        <location filename="../ui/pipeline_panel.cpp" line="100"/>
        <location filename="../ui/pipeline_panel.cpp" line="149"/>
        <source>Run the Whole Pipeline</source>
        <translation>运行整个流水线</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="63"/>
        <source>Influence -&gt; weights -&gt; unlearning -&gt; evaluation, with the lab preset</source>
        <translation>影响力 -&gt; 权重 -&gt; 遗忘 -&gt; 评估，使用实验室预设</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="69"/>
        <location filename="../ui/pipeline_panel.cpp" line="113"/>
        <location filename="../ui/pipeline_panel.cpp" line="201"/>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>Seen ASR before</source>
        <translation>遗忘前已见 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>Seen ASR after</source>
        <translation>遗忘后已见 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>OOD ASR after</source>
        <translation>遗忘后 OOD ASR</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="79"/>
        <source>False trigger after</source>
        <translation>遗忘后误触发</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="79"/>
        <source>Clean EM after</source>
        <translation>遗忘后干净 EM</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="79"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="80"/>
        <source>Efficiency ratio</source>
        <translation>效率比</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="96"/>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="99"/>
        <source>The pipeline failed.</source>
        <translation>流水线失败。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="102"/>
        <source>Cancelled; finished runs were kept.</source>
        <translation>已取消；已完成的运行被保留。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="137"/>
        <source>Running the pipeline...</source>
        <translation>正在运行流水线...</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="137"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="149"/>
        <source>Choose at least one method.</source>
        <translation>请至少选择一种方法。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="156"/>
        <source>Starting...</source>
        <translation>正在开始...</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="158"/>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="193"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pipeline_panel.cpp" line="202"/>
        <source>Last pipeline: %n method(s), means over seeds.</source>
        <translation>
            <numerusform>上一次流水线：%n 种方法，各种子的均值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapidun::ui::PlotWidget</name>
    <message>
        <location filename="../ui/plot_widget.cpp" line="103"/>
        <source>Save Chart as PNG...</source>
        <translation>将图表另存为 PNG...</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="104"/>
        <source>Save Chart as SVG...</source>
        <translation>将图表另存为 SVG...</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="105"/>
        <source>Save Chart as PDF...</source>
        <translation>将图表另存为 PDF...</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="108"/>
        <location filename="../ui/plot_widget.cpp" line="111"/>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="111"/>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="25"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="30"/>
        <source>Automatic (RAPIDUN_THREADS, else every core)</source>
        <translation>自动（RAPIDUN_THREADS，否则使用全部核心）</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="31"/>
        <source>LibTorch CPU threads; takes effect at the next start</source>
        <translation>LibTorch CPU 线程；下次启动时生效</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="35"/>
        <source>Default (RAPIDUN_LAB_DIR or the cache folder)</source>
        <translation>默认（RAPIDUN_LAB_DIR 或缓存文件夹）</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="36"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="38"/>
        <source>Synthetic Lab Folder</source>
        <translation>合成实验室文件夹</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="48"/>
        <source>Default (8,000 train rows, about 4 minutes)</source>
        <translation>默认（8,000 个训练行，约 4 分钟）</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="49"/>
        <source>Tiny (600 train rows, under a minute)</source>
        <translation>微型（600 个训练行，不到一分钟）</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="51"/>
        <source>Time the clean retrain while building a lab (else the first pipeline times it: the efficiency reference)</source>
        <translation>构建实验室时计时干净重训练（否则由第一次流水线计时：效率参考）</translation>
    </message>
    <message>
        <source>Also time a clean retrain when building a lab (the efficiency reference)</source>
        <translation type="vanished">构建实验室时也计时一次干净重训（效率的参照）</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="57"/>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="68"/>
        <source>The language of the studio; takes effect at the next start</source>
        <translation>工作室的语言；下次启动时生效</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="71"/>
        <source>CPU threads:</source>
        <translation>CPU 线程：</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="72"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="73"/>
        <source>Synthetic lab folder:</source>
        <translation>合成实验室文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="74"/>
        <source>Synthetic lab scale:</source>
        <translation>合成实验室规模：</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ReportDialog</name>
    <message>
        <location filename="../ui/report_dialog.cpp" line="37"/>
        <source>HTML (one self-contained file)</source>
        <translation>HTML（一个自包含文件）</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="38"/>
        <source>PDF (A4 pages)</source>
        <translation>PDF（A4 页面）</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="39"/>
        <source>Markdown (with a folder of SVG charts)</source>
        <translation>Markdown（附带一个 SVG 图表文件夹）</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="40"/>
        <source>JSON (the report&apos;s content)</source>
        <translation>JSON（报告的内容）</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="41"/>
        <source>CSV (a folder, one file per table)</source>
        <translation>CSV（一个文件夹，每个表一个文件）</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="47"/>
        <location filename="../ui/report_dialog.cpp" line="176"/>
        <location filename="../ui/report_dialog.cpp" line="190"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="50"/>
        <source>Workspace and data</source>
        <translation>工作区与数据</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="50"/>
        <source>Influence ranking and detection</source>
        <translation>影响力排名与检测</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="50"/>
        <source>Mapping and weights</source>
        <translation>映射与权重</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="51"/>
        <source>Unlearning runs</source>
        <translation>遗忘运行</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="51"/>
        <source>Methods compared</source>
        <translation>方法比较</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="51"/>
        <source>Generations before and after</source>
        <translation>遗忘前后的生成结果</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="52"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="62"/>
        <source>Sections:</source>
        <translation>部分：</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="66"/>
        <source>How many of the ranked training rows the report lists</source>
        <translation>报告列出多少个排名靠前的训练行</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="68"/>
        <source>Ranked rows listed:</source>
        <translation>列出的排名行数：</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="72"/>
        <source>Token heat maps of this many top-ranked rows, computed with the model on export; every explanation opened on the Influence page is included as well</source>
        <translation>导出时用模型计算这么多排名最高的行的词元热图；在影响力页面打开过的每个解释也会包含在内</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="74"/>
        <source>Heat maps of top rows:</source>
        <translation>排名最高行的热图：</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="77"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="83"/>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="138"/>
        <location filename="../ui/report_dialog.cpp" line="157"/>
        <source>Tick at least one section.</source>
        <translation>请至少勾选一个部分。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report_dialog.cpp" line="146"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个部分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="172"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="185"/>
        <source>Folder for the CSV tables</source>
        <translation>CSV 表格的文件夹</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::RunForm</name>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="50"/>
        <source>Influence-weighted ascent on poisoned answers and descent on clean and retain answers (needs the weights)</source>
        <translation>按影响力加权：对投毒答案做上升，对干净答案和保留答案做下降（需要权重）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="51"/>
        <source>Gradient ascent on the poisoned answers only</source>
        <translation>仅对投毒答案做梯度上升</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="52"/>
        <source>Ascent on poisoned answers, descent on clean and retain answers, all weights 1</source>
        <translation>对投毒答案做梯度上升，对干净答案和保留答案做梯度下降，所有权重为 1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="53"/>
        <source>GA+GD with forget weights from the initial per-sample loss</source>
        <translation>GA+GD，遗忘权重取自初始的逐样本损失</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="54"/>
        <source>One-shot noise on the base weights, scaled by the inverse Fisher diagonal; no training</source>
        <translation>对基础权重施加一次噪声，按 Fisher 对角的倒数缩放；不训练</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="55"/>
        <source>Negative preference optimisation against the model before unlearning, plus retain descent</source>
        <translation>以遗忘前的模型为参照的负偏好优化，加上保留集上的下降</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="59"/>
        <source>lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="60"/>
        <source>paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="61"/>
        <source>fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="62"/>
        <source>The paper&apos;s recipe with the lab&apos;s lr: 3e-4 (at 6e-5 the small lab models keep their backdoor); the Dolly lab 6e-4, chosen on validation prompts</source>
        <translation>论文的配方，使用实验室自己的学习率：3e-4（在 6e-5 时小型实验室模型会保留后门）；Dolly 实验室为 6e-4，在验证提示上选定</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="63"/>
        <source>The paper&apos;s recipe: batch 1, lr 6e-5, 2 epochs, retain:forget 3:1</source>
        <translation>论文的配方：批大小 1，学习率 6e-5，2 轮，保留:遗忘 3:1</translation>
    </message>
    <message>
        <source>Batch 8, lr 2e-4 (the released trainer&apos;s code defaults)</source>
        <translation type="vanished">批大小 8，学习率 2e-4（发布的训练器代码的默认值）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="64"/>
        <source>Batch 8, lr 2e-4 (the released trainer&apos;s code defaults); the synthetic lab 3e-3, chosen on validation prompts</source>
        <translation>批大小 8，学习率 2e-4（发布的训练器代码的默认值）；合成实验室为 3e-3，在验证提示上选定</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="72"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="73"/>
        <source>Stop after this many optimiser steps; the learning-rate schedule still spans every epoch</source>
        <translation>在这么多优化步后停止；学习率计划仍覆盖每一轮</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="80"/>
        <source>Probability that a draw is a retain item (0.75 = retain:forget 3:1)</source>
        <translation>一次抽样是保留项的概率（0.75 = 保留:遗忘 3:1）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="87"/>
        <source>hard_high: more weight on high loss (released code)</source>
        <translation>hard_high：对高损失加更大权重（发布的代码）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="88"/>
        <source>paper: more weight on low loss (stated rule)</source>
        <translation>论文：对低损失加更大权重（陈述的规则）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="99"/>
        <source>Noise scale = (lambda * sigma_h^2)^(1/4); 0 = no perturbation</source>
        <translation>噪声尺度 = (lambda * sigma_h^2)^(1/4)；0 = 不扰动</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="100"/>
        <source>Evaluate after unlearning</source>
        <translation>遗忘后评估</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="102"/>
        <source>Attack success rates, false triggers and clean utility of the unlearned model</source>
        <translation>遗忘后模型的攻击成功率、误触发率和干净效用</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="106"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="107"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="108"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="109"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="110"/>
        <source>Max steps:</source>
        <translation>最大步数：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="111"/>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="112"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="113"/>
        <source>Retain share:</source>
        <translation>保留比例：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="114"/>
        <source>Ascent weight (alpha):</source>
        <translation>上升权重（alpha）：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="115"/>
        <source>Clean descent weight (beta):</source>
        <translation>干净下降权重（beta）：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="116"/>
        <source>LoReUn direction:</source>
        <translation>LoReUn 方向：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="117"/>
        <source>LoReUn tau:</source>
        <translation>LoReUn tau：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="118"/>
        <source>NPO beta:</source>
        <translation>NPO beta：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="119"/>
        <source>Fisher lambda:</source>
        <translation>Fisher lambda：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="122"/>
        <source>Add to queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="124"/>
        <source>Queue this run; queued runs start one after the other</source>
        <translation>将此运行加入队列；排队的运行依次开始</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="200"/>
        <source>Fisher lambda must be a non-negative number such as 1e-8.</source>
        <translation>Fisher lambda 必须是非负数，例如 1e-8。</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::RunHistoryModel</name>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="112"/>
        <source>RapidUn</source>
        <translation>RapidUn</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="114"/>
        <source>GA</source>
        <translation>GA</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="116"/>
        <source>GA+GD</source>
        <translation>GA+GD</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="118"/>
        <source>LoReUn</source>
        <translation>LoReUn</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="120"/>
        <source>Fisher</source>
        <translation>Fisher</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="122"/>
        <source>NPO</source>
        <translation>NPO</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="128"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="129"/>
        <source>stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="130"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="131"/>
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="159"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="163"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="183"/>
        <source>Unlearning %1 s, evaluation after %2 s</source>
        <translation>遗忘 %1 秒，遗忘后评估 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="196"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="197"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="198"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="199"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="200"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="201"/>
        <source>Seen ASR</source>
        <translation>已见 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="202"/>
        <source>OOD ASR</source>
        <translation>OOD ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="203"/>
        <source>False triggers</source>
        <translation>误触发</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="204"/>
        <source>Clean EM</source>
        <translation>干净 EM</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="205"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="206"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="211"/>
        <source>Attack success rate on prompts with the seen triggers, before → after unlearning (sorted by after)</source>
        <translation>带已见触发词的提示上的攻击成功率，遗忘前 → 遗忘后（按遗忘后排序）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="212"/>
        <source>Attack success rate on prompts with unseen (out-of-distribution) trigger variants, after unlearning</source>
        <translation>遗忘后，带未见（分布外）触发词变体的提示上的攻击成功率</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="213"/>
        <source>Share of clean prompts answered with the backdoor behaviour, after unlearning</source>
        <translation>遗忘后以后门行为回答的干净提示所占比例</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="214"/>
        <source>Exact match on the clean test set, after unlearning</source>
        <translation>遗忘后在干净测试集上的精确匹配</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="215"/>
        <source>Wall-clock seconds of the unlearning itself (curve evaluations included)</source>
        <translation>遗忘本身的挂钟秒数（含曲线评估）</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::RunsPage</name>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="37"/>
        <source>New run</source>
        <translation>新运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="43"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="45"/>
        <source>Clear queue</source>
        <translation>清空队列</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="56"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>forget CE (poisoned answer)</source>
        <translation>遗忘 CE（投毒答案）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>forget CE (clean answer)</source>
        <translation>遗忘 CE（干净答案）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>retain CE</source>
        <translation>保留 CE</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="79"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="79"/>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="95"/>
        <source>Finished runs</source>
        <translation>已完成的运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="132"/>
        <location filename="../ui/pages/runs/runs_page.cpp" line="211"/>
        <source>Open a workspace to run unlearning.</source>
        <translation>打开一个工作区以运行遗忘。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="145"/>
        <source>Current run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="164"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="166"/>
        <source>Stop the running run and discard it; the next queued run starts</source>
        <translation>停止正在进行的运行并丢弃它；下一个排队的运行开始</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="189"/>
        <source>Cannot open the workspace for runs</source>
        <translation>无法为运行打开工作区</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page.cpp" line="197"/>
        <source>%n run folder(s) without a readable run.json were skipped.</source>
        <translation>
            <numerusform>已跳过 %n 个没有可读 run.json 的运行文件夹。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="221"/>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="222"/>
        <source>Waiting for the current step to finish</source>
        <translation>正在等待当前步骤结束</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="243"/>
        <source>The run&apos;s settings are not valid</source>
        <translation>运行设置无效</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="273"/>
        <source>%1, %2 preset, seed %3, lambda %4</source>
        <translation>%1，%2 预设，种子 %3，lambda %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page.cpp" line="274"/>
        <source>%1, %2 preset, seed %3, lr %4, %n epoch(s), batch %5</source>
        <translation>
            <numerusform>%1，%2 预设，种子 %3，学习率 %4，%n 轮，批大小 %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page.cpp" line="280"/>
        <source>, at most %n step(s)</source>
        <translation>
            <numerusform>，最多 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="46"/>
        <source>RapidUn needs the influence weights</source>
        <translation>RapidUn 需要影响力权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="47"/>
        <source>%1: no weights/forget_weights.jsonl in the workspace. Compute the influence and the weights first.</source>
        <translation>%1：工作区中没有 weights/forget_weights.jsonl。请先计算影响力和权重。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="61"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="63"/>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="79"/>
        <source>Unlearning run %1</source>
        <translation>遗忘运行 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="102"/>
        <source>Running %1 (%n more queued)</source>
        <translation>
            <numerusform>正在运行 %1（另有 %n 个在排队）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="107"/>
        <source>Unlearning</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="109"/>
        <source>Evaluating the unlearned model</source>
        <translation>正在评估遗忘后的模型</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="111"/>
        <source>Writing the run record</source>
        <translation>正在写入运行记录</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="127"/>
        <source>Elapsed %1</source>
        <translation>已用时 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="129"/>
        <source>%1, about %2 left</source>
        <translation>%1，约剩 %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="131"/>
        <source>%1, estimating the time left</source>
        <translation>%1，正在估计剩余时间</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="197"/>
        <source>Run %1 finished.</source>
        <translation>运行 %1 已完成。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="198"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="210"/>
        <source>Run %1 failed.</source>
        <translation>运行 %1 失败。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="211"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="213"/>
        <source>The unlearning run failed</source>
        <translation>遗忘运行失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="213"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="221"/>
        <source>Run %1 cancelled; nothing was kept.</source>
        <translation>运行 %1 已取消；未保留任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="222"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="228"/>
        <source>Ran for %1</source>
        <translation>运行了 %1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::SampleDetail</name>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="48"/>
        <source>The forget row whose influence the heat map splits over this sample&apos;s tokens</source>
        <translation>热力图在此样本的词元上分解其影响力的那个遗忘行</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="66"/>
        <source>Red tokens raise the sample&apos;s influence on the forget query, blue ones lower it; answer tokens are underlined.</source>
        <translation>红色词元提高该样本对遗忘查询的影响力，蓝色词元降低它；答案词元带下划线。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="84"/>
        <source>Forget query:</source>
        <translation>遗忘查询：</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="105"/>
        <source>Train row %1</source>
        <translation>训练行 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="107"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="109"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="110"/>
        <source>Response</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="112"/>
        <source>Clean response</source>
        <translation>干净回答</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="138"/>
        <source>No sample selected</source>
        <translation>未选择样本</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="142"/>
        <source>Select a row to see it in full and its token-wise influence.</source>
        <translation>选择一行以查看其全文和逐词元影响力。</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="147"/>
        <source>Computing the token-wise influence…</source>
        <translation>正在计算逐词元影响力…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="157"/>
        <source>I(query, sample) = %1 over %2 tokens (their contributions sum to %3)</source>
        <translation>I(查询, 样本) = %1，共 %2 个词元（其贡献之和为 %3）</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ScenariosView</name>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="70"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>Forget rows</source>
        <translation>遗忘行数</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>Seen ASR</source>
        <translation>已见触发 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>OOD ASR</source>
        <translation>OOD ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="58"/>
        <source>False triggers</source>
        <translation>误触发</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="58"/>
        <source>Clean utility</source>
        <translation>干净效用</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="58"/>
        <source>Triggered vs clean twin</source>
        <translation>触发提示对比干净孪生</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="59"/>
        <source>Seen ASR by trigger family</source>
        <translation>按触发族的已见 ASR</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="69"/>
        <source>Seen-trigger ASR after unlearning, by scenario</source>
        <translation>遗忘后的已见触发 ASR（按场景）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="70"/>
        <source>Seen ASR (0-1)</source>
        <translation>已见 ASR（0-1）</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="86"/>
        <source>No scenarios have been run on this workspace. They rerun the pipeline with a small, a one-family and a curated forget set and a quarter of the steps: rapidun scenarios --workspace &lt;this folder&gt;</source>
        <translation>此工作区尚未运行任何场景。场景会用小型、单一触发族和人工筛选的遗忘集以及四分之一的步数重新运行流水线：rapidun scenarios --workspace &lt;此文件夹&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="100"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="105"/>
        <source>Before unlearning: seen ASR %1, OOD ASR %2. Seed mean ± sd over %3 seeds, preset %4.</source>
        <translation>遗忘前：已见 ASR %1，OOD ASR %2。%3 个种子的均值 ± 标准差，预设 %4。</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="117"/>
        <source>%1: the forget rows of trigger family %2 only.</source>
        <translation>%1：仅触发族 %2 的遗忘行。</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="119"/>
        <source>%1: %2 of the %3 curated rows are poisoned (precision %4).</source>
        <translation>%1：%3 个筛选行中有 %2 个被投毒（精确率 %4）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="124"/>
        <source>%1: %2 of the steps.</source>
        <translation>%1：%2 的步数。</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="145"/>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="146"/>
        <source>EM </source>
        <translation>EM </translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="145"/>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="146"/>
        <source>ROUGE-L </source>
        <translation>ROUGE-L </translation>
    </message>
</context>
<context>
    <name>rapidun::ui::TokenHeatMap</name>
    <message>
        <location filename="../ui/pages/influence/token_heat_map.cpp" line="110"/>
        <source>answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/token_heat_map.cpp" line="110"/>
        <source>prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/token_heat_map.cpp" line="111"/>
        <source>&apos;%1&apos; (position %2, %3): %4</source>
        <translation>&apos;%1&apos;（位置 %2，%3）：%4</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WeightsKnobPanel</name>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="30"/>
        <source>Paper (RapidUn pipeline)</source>
        <translation>论文（RapidUn 流水线）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="31"/>
        <source>Documented alternative (mean-AD scale, bounds after normalising)</source>
        <translation>文档化的替代方案（均值绝对偏差尺度，归一化后再施加界限）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="32"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="33"/>
        <source>Paper: value mode, top-k 40, alpha = beta = gamma = delta = 1, tau_f 0.7, tau_r 1.2, bounds 0.2-3 applied before the mean normalisation, sigma floored at 1e-3.
Alternative: the same with both documented fixes (sigma from the mean absolute deviation when MAD = 0; bounds that hold for the final weights).</source>
        <translation>论文：值模式，top-k 40，alpha = beta = gamma = delta = 1，tau_f 0.7，tau_r 1.2，界限 0.2-3 在均值归一化之前施加，sigma 下限 1e-3。
替代方案：相同，但带两项文档化的修正（MAD = 0 时 sigma 取自平均绝对偏差；界限对最终权重成立）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="37"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="66"/>
        <source>Aggregation over test rows</source>
        <translation>对测试行的聚合</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="68"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="69"/>
        <source>Per test row, the k most helpful train rows keep their influence (or rank); the rest count 0. The aggregate is the median over test rows.</source>
        <translation>对每个测试行，最有帮助的 k 个训练行保留其影响力（或排名）；其余计为 0。聚合值是各测试行上的中位数。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="73"/>
        <source>Influence value</source>
        <translation>影响力值</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="74"/>
        <source>Rank (k for the top row, k-1 next, ...)</source>
        <translation>排名（第一行为 k，下一行为 k-1，……）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="75"/>
        <source>Top-k entries count as</source>
        <translation>Top-k 条目计为</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="76"/>
        <source>Per-test robust scaling before top-k</source>
        <translation>top-k 之前按测试行做稳健缩放</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="78"/>
        <source>Each test row&apos;s influences become (I - median) / max(1.4826 MAD, 1e-3) first.</source>
        <translation>每个测试行的影响力先变为 (I - 中位数) / max(1.4826 MAD, 1e-3)。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="86"/>
        <source>Fusion: S_f = alpha FF - beta FR,  S_r = gamma RR - delta RF</source>
        <translation>融合：S_f = alpha FF - beta FR,  S_r = gamma RR - delta RF</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="88"/>
        <source>alpha (FF)</source>
        <translation>alpha (FF)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="89"/>
        <source>Weight of how much a forget row supports the forget (poison) behaviour.</source>
        <translation>遗忘行支持遗忘（投毒）行为程度的权重。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="90"/>
        <source>beta (FR)</source>
        <translation>beta (FR)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="91"/>
        <source>Weight of how much a forget row supports the retain (clean) behaviour; subtracted.</source>
        <translation>遗忘行支持保留（干净）行为程度的权重；被减去。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="92"/>
        <source>gamma (RR)</source>
        <translation>gamma (RR)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="93"/>
        <source>Weight of how much a retain row supports the retain behaviour.</source>
        <translation>保留行支持保留行为程度的权重。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="94"/>
        <source>delta (RF)</source>
        <translation>delta (RF)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="95"/>
        <source>Weight of how much a retain row supports the forget behaviour; subtracted.</source>
        <translation>保留行支持遗忘行为程度的权重；被减去。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="100"/>
        <source>Harmful terms (k most negative influences, subtracted; off in the paper)</source>
        <translation>有害项（k 个最负的影响力，被减去；论文中关闭）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="102"/>
        <source>alpha_h (FF)</source>
        <translation>alpha_h (FF)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="102"/>
        <source>S_f -= alpha_h FF_harm</source>
        <translation>S_f -= alpha_h FF_harm</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="103"/>
        <source>beta_h (FR)</source>
        <translation>beta_h (FR)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="103"/>
        <source>S_f -= beta_h FR_harm</source>
        <translation>S_f -= beta_h FR_harm</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="104"/>
        <source>gamma_h (RR)</source>
        <translation>gamma_h (RR)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="104"/>
        <source>S_r -= gamma_h RR_harm</source>
        <translation>S_r -= gamma_h RR_harm</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="105"/>
        <source>delta_h (RF)</source>
        <translation>delta_h (RF)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="105"/>
        <source>S_r -= delta_h RF_harm</source>
        <translation>S_r -= delta_h RF_harm</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="110"/>
        <source>Forget set map: w = exp(clip(z / tau_f, ln w_min, ln w_max)) / mean</source>
        <translation>遗忘集映射：w = exp(clip(z / tau_f, ln w_min, ln w_max)) / mean</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="111"/>
        <source>Retain set map: w = exp(clip(z / tau_r, ln w_min, ln w_max)) / mean</source>
        <translation>保留集映射：w = exp(clip(z / tau_r, ln w_min, ln w_max)) / mean</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="115"/>
        <source>tau_f</source>
        <translation>tau_f</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="115"/>
        <source>tau_r</source>
        <translation>tau_r</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="116"/>
        <source>Temperature: a smaller tau spreads the weights further for the same robust z.</source>
        <translation>温度：tau 越小，相同稳健 z 下权重分布越分散。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="117"/>
        <source>w_min (forget)</source>
        <translation>w_min（遗忘）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="117"/>
        <source>w_min (retain)</source>
        <translation>w_min（保留）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="118"/>
        <source>Lower clip bound (before normalising in the paper; of the final weights in the alternative).</source>
        <translation>截断下界（论文中在归一化之前；替代方案中作用于最终权重）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="119"/>
        <source>w_max (forget)</source>
        <translation>w_max（遗忘）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="119"/>
        <source>w_max (retain)</source>
        <translation>w_max（保留）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="120"/>
        <source>Upper clip bound (before normalising in the paper; of the final weights in the alternative).</source>
        <translation>截断上界（论文中在归一化之前；替代方案中作用于最终权重）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="125"/>
        <source>Scale and bounds</source>
        <translation>尺度与界限</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="129"/>
        <source>1.4826 MAD, floored at 1e-3 (paper)</source>
        <translation>1.4826 MAD，下限 1e-3（论文）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="130"/>
        <source>Mean absolute deviation when MAD = 0</source>
        <translation>MAD = 0 时的平均绝对偏差</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="131"/>
        <source>When most scores are equal (MAD = 0) the paper&apos;s sigma is 1e-3 and the weights collapse to three values; the fallback uses sigma = 1.2533 x the mean absolute deviation.</source>
        <translation>当大多数分数相等（MAD = 0）时，论文的 sigma 为 1e-3，权重塌缩为三个值；回退方案使用 sigma = 1.2533 × 平均绝对偏差。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="135"/>
        <source>Clip, then normalise to mean 1 (paper)</source>
        <translation>先截断，再归一化为均值 1（论文）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="136"/>
        <source>Normalise so that the clipped mean is 1</source>
        <translation>归一化，使截断后的均值为 1</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="137"/>
        <source>The paper&apos;s final weights can leave [w_min, w_max]; the alternative keeps them inside (needs w_min &lt;= 1 &lt;= w_max).</source>
        <translation>论文的最终权重可能超出 [w_min, w_max]；替代方案使其保持在范围内（需要 w_min &lt;= 1 &lt;= w_max）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="139"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="140"/>
        <source>Bounds</source>
        <translation>界限</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WeightsPage</name>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="57"/>
        <source>Reading the influence results…</source>
        <translation>正在读取影响力结果…</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="74"/>
        <source>The influence results in %1 could not be read:
%2</source>
        <translation>无法读取 %1 中的影响力结果：
%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="75"/>
        <source>Cannot read the influence results</source>
        <translation>无法读取影响力结果</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="97"/>
        <source>Save weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="99"/>
        <source>Writes forget_weights.jsonl, retain_weights.jsonl and weights_settings.json into the workspace&apos;s weights folder; `rapidun unlearn --method rapidun` uses them.</source>
        <translation>将 forget_weights.jsonl、retain_weights.jsonl 和 weights_settings.json 写入工作区的 weights 文件夹；`rapidun unlearn --method rapidun` 会使用它们。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="125"/>
        <source>Forget</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="125"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="126"/>
        <source>fused score S_f = alpha FF - beta FR</source>
        <translation>融合分数 S_f = alpha FF - beta FR</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="126"/>
        <source>fused score S_r = gamma RR - delta RF</source>
        <translation>融合分数 S_r = gamma RR - delta RF</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="127"/>
        <source>forget samples (n = %1)</source>
        <translation>遗忘样本（n = %1）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="127"/>
        <source>retain samples (n = %1)</source>
        <translation>保留样本（n = %1）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="132"/>
        <source>%1 set: score → weight</source>
        <translation>%1 集：分数 → 权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="133"/>
        <location filename="../ui/pages/weights/weights_page.cpp" line="139"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="134"/>
        <source>mapping w(S)</source>
        <translation>映射 w(S)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="134"/>
        <source>clip levels</source>
        <translation>截断水平</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="138"/>
        <source>%1 set: weight histogram</source>
        <translation>%1 集：权重直方图</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="139"/>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="174"/>
        <source>Open a workspace to map its influence results to RapidUn weights.</source>
        <translation>打开一个工作区，将其影响力结果映射为 RapidUn 权重。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="202"/>
        <source>The workspace %1 could not be read:
%2</source>
        <translation>无法读取工作区 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="203"/>
        <source>Cannot open the influence results</source>
        <translation>无法打开影响力结果</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="207"/>
        <source>No influence results yet in %1.

Compute influence first on the Influence page (or run `rapidun influence --workspace %2`): the weights are mapped from its four views FF, FR, RF and RR. This page reloads when the workspace is opened again.</source>
        <translation>%1 中尚无影响力结果。

请先在影响力页面计算影响力（或运行 `rapidun influence --workspace %2`）：权重由其四个视图 FF、FR、RF 和 RR 映射而来。再次打开工作区时此页面会重新加载。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="217"/>
        <source>Reading influence results</source>
        <translation>正在读取影响力结果</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="227"/>
        <source>Knobs restored from the saved %1.</source>
        <translation>已从保存的 %1 恢复各项参数。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="229"/>
        <source>Saved settings ignored: %1</source>
        <translation>已忽略保存的设置：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="254"/>
        <source>These settings give no weights: %1</source>
        <translation>这些设置得不到权重：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="262"/>
        <source>%1 forget and %2 retain weights; mapping %3 ms, drawing %4 ms.</source>
        <translation>%1 个遗忘权重和 %2 个保留权重；映射 %3 毫秒，绘制 %4 毫秒。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="297"/>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="297"/>
        <source>No influence results are loaded.</source>
        <translation>未加载影响力结果。</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="303"/>
        <source>Cannot save the weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="306"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WeightsSummaryModel</name>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="87"/>
        <source>Forget</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="89"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="93"/>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="94"/>
        <source>Median score</source>
        <translation>分数中位数</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="95"/>
        <source>MAD of the scores</source>
        <translation>分数的 MAD</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="96"/>
        <source>Sigma (z = (S - median) / sigma)</source>
        <translation>Sigma（z = (S - 中位数) / sigma）</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="97"/>
        <source>Clipped at the lower bound</source>
        <translation>截断于下界</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="98"/>
        <source>Clipped at the upper bound</source>
        <translation>截断于上界</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="99"/>
        <source>Minimum weight</source>
        <translation>最小权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="100"/>
        <source>Median weight</source>
        <translation>权重中位数</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="101"/>
        <source>Maximum weight</source>
        <translation>最大权重</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="102"/>
        <source>Mean weight</source>
        <translation>平均权重</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WorkspaceLoader</name>
    <message>
        <location filename="../ui/workspace_loader.cpp" line="101"/>
        <source>Opening workspace</source>
        <translation>正在打开工作区</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WorkspacePage</name>
    <message>
        <location filename="../ui/workspace_page.cpp" line="83"/>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="84"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="86"/>
        <source>&amp;Pipeline</source>
        <translation>流水线(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <location filename="../ui/workspace_page.cpp" line="115"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <location filename="../ui/workspace_page.cpp" line="286"/>
        <source>Poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <source>Trigger variants</source>
        <translation>触发词变体</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="99"/>
        <source>Distinct trigger variants among the poisoned rows</source>
        <translation>投毒行中不同的触发词变体</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="114"/>
        <source>Train set by category</source>
        <translation>按类别的训练集</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="115"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="117"/>
        <source>Data sets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="125"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="125"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="132"/>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="167"/>
        <source>Synthetic lab</source>
        <translation>合成实验室</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="169"/>
        <source>Dolly lab</source>
        <translation>Dolly 实验室</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="171"/>
        <source>Custom workspace</source>
        <translation>自定义工作区</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="177"/>
        <source>The rows the model was trained on, clean and poisoned</source>
        <translation>模型训练所用的行，干净的和投毒的</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="179"/>
        <source>Clean validation rows</source>
        <translation>干净验证行</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="181"/>
        <source>Clean test prompts: exact match, ROUGE-L and perplexity</source>
        <translation>干净测试提示：精确匹配、ROUGE-L 和困惑度</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="183"/>
        <source>Test prompts with the trigger variants seen in training: seen ASR</source>
        <translation>带训练中见过的触发词变体的测试提示：已见 ASR</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="185"/>
        <source>Test prompts with unseen (out-of-distribution) trigger variants: OOD ASR</source>
        <translation>带未见（分布外）触发词变体的测试提示：OOD ASR</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="187"/>
        <source>Poisoned train rows known to the defender: the forget set</source>
        <translation>防御方已知的投毒训练行：遗忘集</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="189"/>
        <source>Clean train rows to keep: the retain set</source>
        <translation>要保留的干净训练行：保留集</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="225"/>
        <source>The model %1 could not be loaded:
%2</source>
        <translation>无法加载模型 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="243"/>
        <source>unreadable</source>
        <translation>不可读</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="253"/>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="285"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="288"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="318"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="319"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="322"/>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="324"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="326"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="332"/>
        <source>Before unlearning</source>
        <translation>遗忘前</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="335"/>
        <source>over %1 prompts</source>
        <translation>共 %1 个提示</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="337"/>
        <source>Seen-trigger ASR</source>
        <translation>已见触发 ASR</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="338"/>
        <source>Attack success rate on triggers seen in training, %1</source>
        <translation>训练中见过的触发词上的攻击成功率，%1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="339"/>
        <source>OOD-trigger ASR</source>
        <translation>OOD 触发 ASR</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="340"/>
        <source>Attack success rate on unseen trigger variants, %1</source>
        <translation>未见触发词变体上的攻击成功率，%1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="341"/>
        <source>False-trigger rate</source>
        <translation>误触发率</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="343"/>
        <source>Backdoor answers to clean prompts, %1</source>
        <translation>对干净提示给出的后门答案，%1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="344"/>
        <source>Clean exact match</source>
        <translation>干净精确匹配</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="346"/>
        <source>Clean answers that match the computable reference exactly</source>
        <translation>与可计算参考答案完全一致的干净答案</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="348"/>
        <source>Clean ROUGE-L</source>
        <translation>干净 ROUGE-L</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="349"/>
        <source>ROUGE-L F1 of the clean answers against the references</source>
        <translation>干净答案相对参考答案的 ROUGE-L F1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="351"/>
        <source>Clean perplexity</source>
        <translation>干净困惑度</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="352"/>
        <source>Perplexity of the clean reference answers</source>
        <translation>干净参考答案的困惑度</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="357"/>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="360"/>
        <source>Scale</source>
        <translation>尺度</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="362"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="364"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="369"/>
        <source>Model shape</source>
        <translation>模型形状</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="370"/>
        <source>dim %1, %2 layers, %3 heads</source>
        <translation>维度 %1，%2 层，%3 个头</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="372"/>
        <source>Training recipe</source>
        <translation>训练配方</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="373"/>
        <source>%1 epochs, batch %2, lr %3</source>
        <translation>%1 轮，批大小 %2，学习率 %3</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="383"/>
        <source>%1 steps, final loss %2</source>
        <translation>%1 步，最终损失 %2</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="386"/>
        <source>Data generation</source>
        <translation>数据生成</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="387"/>
        <source>Tokenizer training</source>
        <translation>分词器训练</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="389"/>
        <source>Training (poisoned set)</source>
        <translation>训练（投毒集）</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="391"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="392"/>
        <source>Clean retrain (reference)</source>
        <translation>干净重训（参照）</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="394"/>
        <source>The same recipe on the clean rows only: the cost unlearning is compared with (timed by the first pipeline when the build skipped it)</source>
        <translation>仅在干净行上使用相同配方：遗忘与之比较的成本（构建时跳过则由第一次流水线计时）</translation>
    </message>
    <message>
        <source>The same recipe on the clean rows only: the cost unlearning is compared with</source>
        <translation type="vanished">仅在干净行上使用相同配方：遗忘与之比较的代价</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="396"/>
        <source>Total build</source>
        <translation>构建总计</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="400"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="402"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="403"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="404"/>
        <source>beside the model</source>
        <translation>在模型旁</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="406"/>
        <source>ASR detector keywords</source>
        <translation>ASR 检测器关键词</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="408"/>
        <source>Prompt template</source>
        <translation>提示模板</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="409"/>
        <source>Max length (tokens)</source>
        <translation>最大长度（词元）</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="410"/>
        <source>Max new tokens</source>
        <translation>最大新词元数</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="411"/>
        <source>Answer window (tokens)</source>
        <translation>回答窗口（词元）</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="411"/>
        <source>whole answer</source>
        <translation>完整回答</translation>
    </message>
</context>
</TS>
