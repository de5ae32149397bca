<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/studio/main.cpp" line="87"/>
        <source>Influence-driven unlearning workbench for Llama-family models.
Without arguments the studio opens the synthetic lab in %1 (RAPIDUN_LAB_DIR), building it first when it is not there yet (scale: RAPIDUN_LAB_SCALE, tiny or default).</source>
        <translation>Werkbank für einflussgesteuertes Verlernen in Modellen der Llama-Familie.
Ohne Argumente öffnet das Studio das synthetische Labor in %1 (RAPIDUN_LAB_DIR) und baut es zuerst, wenn es noch nicht vorhanden ist (Größe: RAPIDUN_LAB_SCALE, tiny oder default).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="93"/>
        <source>Workspace folder to open.</source>
        <translation>Zu öffnender Arbeitsbereichsordner.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="95"/>
        <source>Model file or folder to open (the model card only, no workspace).</source>
        <translation>Zu öffnende Modelldatei oder zu öffnender Modellordner (nur die Modellkarte, kein Arbeitsbereich).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="97"/>
        <source>Tokenizer (.model) to use with --model.</source>
        <translation>Mit --model zu verwendender Tokenizer (.model).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="100"/>
        <source>Save the window to FILE.png once the workspace or model is open (or failed), then quit.</source>
        <translation>Das Fenster als FILE.png speichern, sobald der Arbeitsbereich oder das Modell geöffnet ist (oder das Öffnen fehlschlug), und beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="104"/>
        <source>Print the time from process start to the first paint and to the open workspace (stderr).</source>
        <translation>Die Zeit vom Prozessstart bis zum ersten Zeichnen und bis zum geöffneten Arbeitsbereich ausgeben (stderr).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="106"/>
        <source>Quit after N milliseconds.</source>
        <translation>Nach N Millisekunden beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="108"/>
        <source>The language of this run (en, de, zh_CN), instead of the one chosen in Preferences.</source>
        <translation>Die Sprache dieses Laufs (en, de, zh_CN) statt der in den Einstellungen gewählten.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="112"/>
        <source>The page to show once the workspace is open: workspace, influence, weights, runs or compare.</source>
        <translation>Die Seite, die nach dem Öffnen des Arbeitsbereichs angezeigt wird: workspace, influence, weights, runs oder compare.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="118"/>
        <source>rapidun-studio: --workspace and --model exclude each other</source>
        <translation>rapidun-studio: --workspace und --model schließen einander aus</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="122"/>
        <source>rapidun-studio: --tokenizer needs --model</source>
        <translation>rapidun-studio: --tokenizer braucht --model</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="131"/>
        <source>rapidun-studio: --page must be one of %1</source>
        <translation>rapidun-studio: --page muss eines von %1 sein</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="31"/>
        <source>%1 min %2 s left</source>
        <translation>noch %1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="31"/>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ComparePage</name>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="75"/>
        <source>Swap</source>
        <translation>Tauschen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="76"/>
        <source>Exchange the left and the right model</source>
        <translation>Linkes und rechtes Modell vertauschen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="78"/>
        <source>Reload runs</source>
        <translation>Läufe neu laden</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="82"/>
        <source>Left:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="85"/>
        <source>Right:</source>
        <translation>Rechts:</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="96"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="97"/>
        <source>Generations</source>
        <translation>Generierungen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="98"/>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="153"/>
        <source>Free prompt</source>
        <translation>Freier Prompt</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="100"/>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="124"/>
        <source>Attack and utility rates</source>
        <translation>Angriffs- und Nutzenraten</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="125"/>
        <location filename="../ui/pages/compare/compare_page.cpp" line="129"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="125"/>
        <source>Rate (0-1)</source>
        <translation>Rate (0-1)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="128"/>
        <source>Perplexity and time</source>
        <translation>Perplexität und Zeit</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="129"/>
        <source>Perplexity; seconds</source>
        <translation>Perplexität; Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="147"/>
        <source>Seen trigger</source>
        <translation>Gesehener Trigger</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="148"/>
        <source>OOD trigger</source>
        <translation>OOD-Trigger</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="149"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="150"/>
        <source>Only rows whose outputs differ</source>
        <translation>Nur Zeilen mit unterschiedlichen Ausgaben</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="158"/>
        <source>&lt;span style=&quot;%1&quot;&gt;poison word&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;%2&quot;&gt;differs&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;%1&quot;&gt;Giftwort&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;%2&quot;&gt;abweichend&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="162"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="190"/>
        <source>Compare: cannot open the workspace</source>
        <translation>Vergleich: Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="197"/>
        <source>Compare: no poison words to highlight</source>
        <translation>Vergleich: keine Giftwörter zum Hervorheben</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="249"/>
        <source>Compare: unknown model</source>
        <translation>Vergleich: unbekanntes Modell</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="250"/>
        <source>&apos;%1&apos; is neither &quot;before&quot; nor a run of this workspace (runs: %2)</source>
        <translation>&apos;%1&apos; ist weder &quot;before&quot; noch ein Lauf dieses Arbeitsbereichs (Läufe: %2)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="273"/>
        <source>Before unlearning</source>
        <translation>Vor dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="274"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="311"/>
        <source>Compare: cannot read a model&apos;s record</source>
        <translation>Vergleich: Der Datensatz eines Modells kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="324"/>
        <source>This workspace has no unlearning runs yet: run one on the Runs page (or `rapidun unlearn`).</source>
        <translation>Dieser Arbeitsbereich hat noch keine Verlernläufe: Starten Sie einen auf der Seite Läufe (oder mit `rapidun unlearn`).</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="338"/>
        <source>%1 (right)</source>
        <translation>%1 (rechts)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="348"/>
        <source>Unlearning time (s)</source>
        <translation>Verlernzeit (s)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_page.cpp" line="375"/>
        <source>%1 of %2 rows shown; %3 differ</source>
        <translation>%1 von %2 Zeilen angezeigt; %3 abweichend</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="59"/>
        <source>An instruction, e.g. a test prompt with a trigger word</source>
        <translation>Eine Anweisung, z. B. ein Test-Prompt mit einem Triggerwort</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="61"/>
        <source>Format with the workspace&apos;s prompt template</source>
        <translation>Mit der Prompt-Vorlage des Arbeitsbereichs formatieren</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="63"/>
        <source>As the evaluation does: the text is the instruction of the template; untick to send it as it is</source>
        <translation>Wie bei der Bewertung: Der Text ist die Anweisung der Vorlage; abwählen, um ihn unverändert zu senden</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="67"/>
        <source>Generate with both</source>
        <translation>Mit beiden generieren</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="69"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="77"/>
        <source>Max new tokens:</source>
        <translation>Maximal neue Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="84"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="85"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="95"/>
        <source>Prompt (greedy, stops at the end-of-sequence token):</source>
        <translation>Prompt (gierig, stoppt am Sequenzende-Token):</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="101"/>
        <source>Generating...</source>
        <translation>Wird generiert...</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="102"/>
        <source>Generating with both models</source>
        <translation>Generierung mit beiden Modellen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="106"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="111"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="112"/>
        <source>Compare: free prompt</source>
        <translation>Vergleich: freier Prompt</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="114"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="139"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="146"/>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="148"/>
        <source>Generating</source>
        <translation>Wird generiert</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="150"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="156"/>
        <source>Both outputs are equal</source>
        <translation>Beide Ausgaben sind gleich</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_prompt.cpp" line="156"/>
        <source>The outputs differ</source>
        <translation>Die Ausgaben unterscheiden sich</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::GenerationsModel</name>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="234"/>
        <source>seen trigger</source>
        <translation>gesehener Trigger</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="236"/>
        <source>OOD trigger</source>
        <translation>OOD-Trigger</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="238"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="254"/>
        <source>%1

Flagged by the keyword detector</source>
        <translation>%1

Vom Schlüsselwort-Detektor markiert</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="284"/>
        <source>differ</source>
        <translation>verschieden</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="284"/>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="297"/>
        <source>Set</source>
        <translation>Satz</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="298"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="299"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="300"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="301"/>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::InfluenceFilterBar</name>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="28"/>
        <source>Filter by id, instruction or trigger…</source>
        <translation>Nach ID, Anweisung oder Trigger filtern…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="31"/>
        <source>Regular e&amp;xpression</source>
        <translation>Regulärer A&amp;usdruck</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="36"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="40"/>
        <source>Any set</source>
        <translation>Jeder Satz</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="41"/>
        <source>Forget set</source>
        <translation>Vergessenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="42"/>
        <source>Retain set</source>
        <translation>Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="43"/>
        <source>Neither set</source>
        <translation>Keiner der beiden Sätze</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="47"/>
        <source>Poisoned and clean</source>
        <translation>Vergiftet und sauber</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="48"/>
        <source>Poisoned only</source>
        <translation>Nur vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="49"/>
        <source>Clean only</source>
        <translation>Nur sauber</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="61"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="62"/>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="66"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="67"/>
        <source>Show every row again</source>
        <translation>Wieder alle Zeilen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="76"/>
        <source>Score:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="122"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_filter_bar.cpp" line="161"/>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::InfluencePage</name>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="27"/>
        <source>Sketching the forget set</source>
        <translation>Vergessenssatz wird skizziert</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="28"/>
        <source>Sketching the retain set</source>
        <translation>Behaltenssatz wird skizziert</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="29"/>
        <source>Sketching the train set</source>
        <translation>Trainingssatz wird skizziert</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="30"/>
        <source>Influence views</source>
        <translation>Einflussansichten</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="31"/>
        <source>Ranking</source>
        <translation>Rangfolge</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="32"/>
        <source>Influence</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="60"/>
        <location filename="../ui/pages/influence/influence_page.cpp" line="49"/>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="71"/>
        <source>Computing influence…</source>
        <translation>Einfluss wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="72"/>
        <source>Loading influence…</source>
        <translation>Einfluss wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="82"/>
        <source>Loading the training rows and their influence…</source>
        <translation>Trainingszeilen und ihr Einfluss werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="85"/>
        <source>Loading influence</source>
        <translation>Einfluss wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="101"/>
        <source>The workspace&apos;s rows could not be read.</source>
        <translation>Die Zeilen des Arbeitsbereichs konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="102"/>
        <source>Could not load influence</source>
        <translation>Einfluss konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="109"/>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="112"/>
        <source>Influence computation failed</source>
        <translation>Einflussberechnung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="121"/>
        <source>No token-wise influence for this row: %1</source>
        <translation>Kein tokenweiser Einfluss für diese Zeile: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="149"/>
        <source>This workspace has no influence ranking yet. Computing it sketches the gradients of all %1 training rows and ranks them by their influence on the forget set.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Einflussrangfolge. Die Berechnung skizziert die Gradienten aller %1 Trainingszeilen und ordnet sie nach ihrem Einfluss auf den Vergessenssatz.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="176"/>
        <source>Computing influence</source>
        <translation>Einfluss wird berechnet</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="183"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="197"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="214"/>
        <source>rank %1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="216"/>
        <source>score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="217"/>
        <source>set: %1</source>
        <translation>Satz: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="220"/>
        <source>weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="222"/>
        <source>category: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="224"/>
        <source>poisoned (%1, %2)</source>
        <translation>vergiftet (%1, %2)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="236"/>
        <source>The forget set is empty: there is no query to explain against.</source>
        <translation>Der Vergessenssatz ist leer: Es gibt keine Abfrage, gegen die erklärt werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_jobs.cpp" line="265"/>
        <source>Token-wise influence</source>
        <translation>Tokenweiser Einfluss</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="71"/>
        <source>&amp;Compute influence</source>
        <translation>&amp;Einfluss berechnen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="73"/>
        <source>Sketch the gradients of every train, forget and retain row and rank the train rows by their influence on the forget set (cached: a second run is fast)</source>
        <translation>Die Gradienten aller Trainings-, Vergessens- und Behaltenszeilen skizzieren und die Trainingszeilen nach ihrem Einfluss auf den Vergessenssatz ordnen (zwischengespeichert: ein zweiter Durchlauf ist schnell)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="95"/>
        <source>The forget set changed after influence was computed: the scores still rank against the old set. Use &quot;Recompute influence&quot; to update them.</source>
        <translation>Der Vergessenssatz hat sich nach der Einflussberechnung geändert: Die Scores beziehen sich noch auf den alten Satz. Aktualisieren Sie sie mit &quot;Einfluss neu berechnen&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Ranking scores</source>
        <translation>Rangfolge-Scores</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Poisoned</source>
        <translation>Vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="122"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="123"/>
        <source>Drag across the histogram to filter the table to a score range; click to clear it</source>
        <translation>Über das Histogramm ziehen, um die Tabelle auf einen Score-Bereich zu filtern; klicken, um den Filter aufzuheben</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="170"/>
        <source>Add to forget set</source>
        <translation>Zum Vergessenssatz hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="170"/>
        <source>Append the selected rows to the forget set (forget.jsonl)</source>
        <translation>Die ausgewählten Zeilen an den Vergessenssatz anhängen (forget.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="172"/>
        <source>Remove from forget set</source>
        <translation>Aus dem Vergessenssatz entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="172"/>
        <source>Remove the selected rows from the forget set</source>
        <translation>Die ausgewählten Zeilen aus dem Vergessenssatz entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="174"/>
        <source>Add to retain set</source>
        <translation>Zum Behaltenssatz hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="174"/>
        <source>Append the selected rows to the retain set (retain.jsonl)</source>
        <translation>Die ausgewählten Zeilen an den Behaltenssatz anhängen (retain.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="176"/>
        <source>Remove from retain set</source>
        <translation>Aus dem Behaltenssatz entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="176"/>
        <source>Remove the selected rows from the retain set</source>
        <translation>Die ausgewählten Zeilen aus dem Behaltenssatz entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="179"/>
        <source>Export JSONL…</source>
        <translation>JSONL exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="179"/>
        <source>Save the selected rows as a data set (JSONL)</source>
        <translation>Die ausgewählten Zeilen als Datensatz speichern (JSONL)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="181"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="181"/>
        <source>Save the selected rows with their scores as CSV</source>
        <translation>Die ausgewählten Zeilen mit ihren Scores als CSV speichern</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="184"/>
        <source>Recompute influence</source>
        <translation>Einfluss neu berechnen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="184"/>
        <source>Run the influence computation again (cached sketches are reused)</source>
        <translation>Die Einflussberechnung erneut ausführen (zwischengespeicherte Skizzen werden wiederverwendet)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="198"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="223"/>
        <source>the pattern does not compile</source>
        <translation>das Muster ist ungültig</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="241"/>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="243"/>
        <source>ranked by %1</source>
        <translation>geordnet nach %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="245"/>
        <source>poison detection AUC %1</source>
        <translation>AUC der Gifterkennung %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="313"/>
        <source>forget set</source>
        <translation>Vergessenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="313"/>
        <source>retain set</source>
        <translation>Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="325"/>
        <source>Could not add to the %1</source>
        <translation>Hinzufügen zum %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="325"/>
        <source>Could not remove from the %1</source>
        <translation>Entfernen aus dem %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="343"/>
        <source>Could not export the rows</source>
        <translation>Die Zeilen konnten nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="352"/>
        <source>Export rows as JSONL</source>
        <translation>Zeilen als JSONL exportieren</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_page.cpp" line="352"/>
        <source>Export rows as CSV</source>
        <translation>Zeilen als CSV exportieren</translation>
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
        <translation>Vergessen + Behalten</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="112"/>
        <source>forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="114"/>
        <source>retain</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="115"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="150"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="150"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="173"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="174"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="175"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="176"/>
        <source>Mean I (forget)</source>
        <translation>Mittleres I (Vergessen)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="177"/>
        <source>Max I (forget)</source>
        <translation>Max. I (Vergessen)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="178"/>
        <source>Mean I (retain)</source>
        <translation>Mittleres I (Behalten)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="179"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="180"/>
        <source>Set</source>
        <translation>Satz</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="181"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="182"/>
        <source>Trigger family</source>
        <translation>Trigger-Familie</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="183"/>
        <source>Trigger variant</source>
        <translation>Trigger-Variante</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="184"/>
        <source>Poisoned</source>
        <translation>Vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="185"/>
        <source>Instruction</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="191"/>
        <source>The ranking score (%1): with cos_abs the mean |cosine| between this row&apos;s gradient sketch and each forget row&apos;s</source>
        <translation>Der Rangfolge-Score (%1): bei cos_abs der mittlere |Kosinus| zwischen der Gradientenskizze dieser Zeile und der jeder Vergessenszeile</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="194"/>
        <source>Mean TracIn influence I(t, z) of this row over the forget rows (signed)</source>
        <translation>Mittlerer TracIn-Einfluss I(t, z) dieser Zeile über die Vergessenszeilen (mit Vorzeichen)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="195"/>
        <source>Largest TracIn influence of this row on one forget row</source>
        <translation>Größter TracIn-Einfluss dieser Zeile auf eine Vergessenszeile</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="196"/>
        <source>Mean TracIn influence of this row over the retain rows (signed): what unlearning it may cost</source>
        <translation>Mittlerer TracIn-Einfluss dieser Zeile über die Behaltenszeilen (mit Vorzeichen): was ihr Verlernen kosten kann</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="197"/>
        <source>The row&apos;s unlearning weight from the weights files (blank: not in a weighted set)</source>
        <translation>Das Verlerngewicht der Zeile aus den Gewichtsdateien (leer: in keinem gewichteten Satz)</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/influence_table_model.cpp" line="198"/>
        <source>Whether the row is in the forget set, the retain set or only in the train set</source>
        <translation>Ob die Zeile im Vergessenssatz, im Behaltenssatz oder nur im Trainingssatz ist</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::LabBuildPanel</name>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="19"/>
        <source>Synthetic lab</source>
        <translation>Synthetisches Labor</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="32"/>
        <source>The lab is built once and then reused: generated data with a planted backdoor, a tokenizer, and a small Llama trained on the poisoned set, evaluated before unlearning.</source>
        <translation>Das Labor wird einmal gebaut und danach wiederverwendet: erzeugte Daten mit einer eingepflanzten Hintertür, ein Tokenizer und ein kleines Llama, auf dem vergifteten Satz trainiert und vor dem Verlernen bewertet.</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="62"/>
        <location filename="../ui/lab_build_panel.cpp" line="131"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="64"/>
        <source>Stop the build; nothing is kept, the next start builds again</source>
        <translation>Den Bau anhalten; nichts wird behalten, der nächste Start baut neu</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="98"/>
        <source>Generating the data sets</source>
        <translation>Datensätze werden erzeugt</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="100"/>
        <source>Training the tokenizer</source>
        <translation>Tokenizer wird trainiert</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="102"/>
        <source>Training the backdoored model</source>
        <translation>Modell mit Hintertür wird trainiert</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="104"/>
        <source>Evaluating the model before unlearning</source>
        <translation>Modell wird vor dem Verlernen bewertet</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="106"/>
        <source>Timing a clean retrain (the reference)</source>
        <translation>Sauberes Neutraining wird gemessen (die Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="108"/>
        <source>Learning the judge of poisoned answers</source>
        <translation>Den Richter für vergiftete Antworten lernen</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="110"/>
        <source>Reading the base model&apos;s text</source>
        <translation>Den Text des Basismodells lesen</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="112"/>
        <source>Training the base model&apos;s tokenizer</source>
        <translation>Den Tokenizer des Basismodells trainieren</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="114"/>
        <source>Pretraining the base model</source>
        <translation>Das Basismodell vortrainieren</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="116"/>
        <source>Base model ready</source>
        <translation>Basismodell bereit</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="118"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="123"/>
        <source>Building the synthetic lab (%1 scale)</source>
        <translation>Das synthetische Labor wird gebaut (Größe %1)</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="123"/>
        <source>Building the Dolly lab (%1 scale)</source>
        <translation>Das Dolly-Labor wird gebaut (Größe %1)</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="125"/>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="127"/>
        <source>Starting...</source>
        <translation>Wird gestartet...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="147"/>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="148"/>
        <source>Cancelling: waiting for the current step to finish...</source>
        <translation>Abbruch: Warten auf das Ende des aktuellen Schritts...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="158"/>
        <source>Elapsed: %1:%2</source>
        <translation>Vergangen: %1:%2</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::LabBuilder</name>
    <message>
        <location filename="../ui/lab_builder.cpp" line="48"/>
        <source>Building the synthetic lab</source>
        <translation>Das synthetische Labor wird gebaut</translation>
    </message>
    <message>
        <location filename="../ui/lab_builder.cpp" line="48"/>
        <source>Building the Dolly lab</source>
        <translation>Das Dolly-Labor wird gebaut</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <source>RapidUn Studio</source>
        <translation>RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>&amp;New Workspace...</source>
        <translation>&amp;Neuer Arbeitsbereich...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>Create a workspace from a model, a tokenizer and data sets with their roles</source>
        <translation>Einen Arbeitsbereich aus einem Modell, einem Tokenizer und Datensätzen mit ihren Rollen erstellen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="120"/>
        <source>Open &amp;Synthetic Lab</source>
        <translation>&amp;Synthetisches Labor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="121"/>
        <source>Open the synthetic backdoor lab (built on first use, then reused)</source>
        <translation>Das synthetische Hintertür-Labor öffnen (beim ersten Mal gebaut, danach wiederverwendet)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="124"/>
        <source>Open &amp;Dolly Lab</source>
        <translation>&amp;Dolly-Labor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="125"/>
        <source>Open the real-data lab: the RapidUn release&apos;s poisoned Dolly rows on a base model of our own (built on first use, then reused)</source>
        <translation>Das Labor mit echten Daten öffnen: die vergifteten Dolly-Zeilen des RapidUn-Release auf einem eigenen Basismodell (beim ersten Mal gebaut, dann wiederverwendet)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="129"/>
        <source>Open &amp;Workspace...</source>
        <translation>&amp;Arbeitsbereich öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="131"/>
        <source>Open a workspace folder (one with a workspace.json)</source>
        <translation>Einen Arbeitsbereichsordner öffnen (einen mit workspace.json)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="134"/>
        <source>&amp;Open Model...</source>
        <translation>Modell ö&amp;ffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="136"/>
        <source>Open a llama2.c .bin or a .safetensors model file</source>
        <translation>Eine llama2.c-.bin- oder .safetensors-Modelldatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>Open Model &amp;Folder...</source>
        <translation>Modell&amp;ordner öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="141"/>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Einen Hugging-Face-Modellordner öffnen (config.json + safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>Export &amp;Report...</source>
        <translation>&amp;Bericht exportieren...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="146"/>
        <source>Write the workspace&apos;s report: HTML, PDF, Markdown, JSON or CSV</source>
        <translation>Den Bericht des Arbeitsbereichs schreiben: HTML, PDF, Markdown, JSON oder CSV</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="152"/>
        <source>Save the weights page&apos;s mapping (the weights files) and the workspace</source>
        <translation>Die Abbildung der Gewichtsseite (die Gewichtsdateien) und den Arbeitsbereich speichern</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Influence</source>
        <translation>&amp;Einfluss</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>W&amp;eights</source>
        <translation>&amp;Gewichte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="165"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="170"/>
        <source>&amp;About RapidUn Studio</source>
        <translation>Ü&amp;ber RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="174"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="180"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185"/>
        <source>Recent Wor&amp;kspaces</source>
        <translation>Zuletzt geöffnete Arbeitsbere&amp;iche</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="190"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>No workspace or model is open.
Use File &gt; Open Synthetic Lab, File &gt; Open Workspace... or File &gt; Open Model...</source>
        <translation type="vanished">Kein Arbeitsbereich und kein Modell geöffnet.
Verwenden Sie Datei &gt; Synthetisches Labor öffnen, Datei &gt; Arbeitsbereich öffnen... oder Datei &gt; Modell öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>Resident memory of the studio</source>
        <translation>Residenter Speicher des Studios</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Influence</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="328"/>
        <source>Saved the weights under %1</source>
        <translation>Gewichte unter %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="340"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="354"/>
        <source>Preferences saved; the thread count applies at the next start.</source>
        <translation>Einstellungen gespeichert; die Thread-Anzahl gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="481"/>
        <location filename="../ui/main_window.cpp" line="556"/>
        <source>Another model or workspace is still loading.</source>
        <translation>Ein anderes Modell oder ein anderer Arbeitsbereich wird noch geladen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="513"/>
        <source>%1

Workspace: %2
Runtime: %3
Time: %4</source>
        <translation>%1

Arbeitsbereich: %2
Laufzeit: %3
Zeit: %4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="514"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="555"/>
        <source>No workspace folder was given.</source>
        <translation>Es wurde kein Arbeitsbereichsordner angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="562"/>
        <source>Opening workspace...</source>
        <translation>Arbeitsbereich wird geöffnet...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="74"/>
        <source>The RapidUn release folder (it holds dolly_triggers_out/)</source>
        <translation>Der Ordner des RapidUn-Release (er enthält dolly_triggers_out/)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="76"/>
        <source>no release folder: choose the RapidUn release (the folder with dolly_triggers_out/) or set RAPIDUN_RELEASE</source>
        <translation>kein Release-Ordner: wählen Sie das RapidUn-Release (den Ordner mit dolly_triggers_out/) oder setzen Sie RAPIDUN_RELEASE</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="78"/>
        <location filename="../ui/main_window_labs.cpp" line="138"/>
        <source>Could not build the Dolly lab in %1:
%2</source>
        <translation>Das Dolly-Labor in %1 konnte nicht gebaut werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="81"/>
        <location filename="../ui/main_window_labs.cpp" line="141"/>
        <source>Open Dolly Lab</source>
        <translation>Dolly-Labor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="103"/>
        <source>Building the synthetic lab...</source>
        <translation>Das synthetische Labor wird gebaut...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="103"/>
        <source>Building the Dolly lab...</source>
        <translation>Das Dolly-Labor wird gebaut...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="113"/>
        <source>Cancelling the lab build...</source>
        <translation>Der Laborbau wird abgebrochen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="121"/>
        <source>Building the synthetic lab: %1</source>
        <translation>Das synthetische Labor wird gebaut: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="121"/>
        <source>Building the Dolly lab: %1</source>
        <translation>Das Dolly-Labor wird gebaut: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="138"/>
        <source>Could not build the synthetic lab in %1:
%2</source>
        <translation>Das synthetische Labor in %1 konnte nicht gebaut werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="141"/>
        <source>Open Synthetic Lab</source>
        <translation>Synthetisches Labor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="81"/>
        <location filename="../ui/main_window_labs.cpp" line="141"/>
        <source>Lab build failed: %1</source>
        <translation>Laborbau fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="150"/>
        <source>The lab build was cancelled; its finished stages are kept in %1.partial and the next open continues from them.</source>
        <translation>Der Bau des Labors wurde abgebrochen; seine fertigen Stufen bleiben in %1.partial, und das nächste Öffnen setzt dort fort.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_labs.cpp" line="152"/>
        <source>The lab build was cancelled; nothing was kept in %1.</source>
        <translation>Der Laborbau wurde abgebrochen; in %1 wurde nichts behalten.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="589"/>
        <source>The workspace&apos;s model could not be loaded: %1</source>
        <translation>Das Modell des Arbeitsbereichs konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="595"/>
        <source>Could not open the workspace %1:
%2</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="602"/>
        <source>Opening the workspace failed: %1</source>
        <translation>Öffnen des Arbeitsbereichs fehlgeschlagen: %1</translation>
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
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="210"/>
        <source>No workspace or model is open.
Use File &gt; Open Synthetic Lab, File &gt; Open Dolly Lab, File &gt; Open Workspace... or File &gt; Open Model...</source>
        <translation>Kein Arbeitsbereich und kein Modell geöffnet.
Verwenden Sie Datei &gt; Synthetisches Labor öffnen, Datei &gt; Dolly-Labor öffnen, Datei &gt; Arbeitsbereich öffnen... oder Datei &gt; Modell öffnen...</translation>
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
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="440"/>
        <location filename="../ui/main_window.cpp" line="602"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="447"/>
        <location filename="../ui/main_window.cpp" line="550"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="448"/>
        <source>Model files (*.bin *.safetensors);;All files (*)</source>
        <translation>Modelldateien (*.bin *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="454"/>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="460"/>
        <source>About RapidUn Studio</source>
        <translation>Über RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="461"/>
        <source>&lt;h3&gt;RapidUn Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for influence-driven unlearning in Llama-family language models.&lt;/p&gt;&lt;p&gt;Runtime: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RapidUn-Studio %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für einflussgesteuertes Verlernen in Sprachmodellen der Llama-Familie.&lt;/p&gt;&lt;p&gt;Laufzeit: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="480"/>
        <source>No model path was given.</source>
        <translation>Es wurde kein Modellpfad angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="487"/>
        <source>Loading model...</source>
        <translation>Modell wird geladen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="536"/>
        <location filename="../ui/main_window.cpp" line="582"/>
        <source>%1 - RapidUn Studio</source>
        <translation>%1 - RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="546"/>
        <source>Could not open the model %1:
%2</source>
        <translation>Das Modell %1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="550"/>
        <source>Loading failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::MetricsModel</name>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="80"/>
        <source>Seen-trigger ASR</source>
        <translation>ASR (gesehene Trigger)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="81"/>
        <source>OOD-trigger ASR</source>
        <translation>ASR (OOD-Trigger)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="82"/>
        <source>False-trigger rate</source>
        <translation>Fehlauslöserate</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="83"/>
        <source>Clean exact match</source>
        <translation>Exakte Treffer (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="84"/>
        <source>Clean ROUGE-L</source>
        <translation>ROUGE-L (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="85"/>
        <source>Triggered: clean-twin exact match</source>
        <translation>Mit Trigger: exakte Übereinstimmung mit dem sauberen Zwilling</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="86"/>
        <source>Triggered: clean-twin ROUGE-L</source>
        <translation>Mit Trigger: ROUGE-L gegen den sauberen Zwilling</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="87"/>
        <source>Clean perplexity</source>
        <translation>Perplexität (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="88"/>
        <source>Unlearning time</source>
        <translation>Verlernzeit</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="95"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="98"/>
        <source>%1%2 pp</source>
        <translation>%1%2 PP</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="99"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="101"/>
        <source>%1%2 s</source>
        <translation>%1%2 s</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="127"/>
        <source>Right minus left; lower is better</source>
        <translation>Rechts minus links; niedriger ist besser</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="127"/>
        <source>Right minus left; higher is better</source>
        <translation>Rechts minus links; höher ist besser</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="129"/>
        <source>Wall-clock seconds of the unlearning steps (run.json seconds.unlearn); none before unlearning</source>
        <translation>Echtzeit-Sekunden der Verlernschritte (run.json seconds.unlearn); keine vor dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="140"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="141"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="142"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/compare_models.cpp" line="143"/>
        <source>Delta (right - left)</source>
        <translation>Delta (rechts - links)</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ModelCard</name>
    <message>
        <location filename="../ui/model_card.cpp" line="25"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="30"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="30"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="49"/>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="49"/>
        <source>Device and threads</source>
        <translation>Gerät und Threads</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="83"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="84"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="85"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="86"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="87"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="91"/>
        <location filename="../ui/model_card.cpp" line="92"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="93"/>
        <source>Dim (hidden size)</source>
        <translation>Dim (verborgene Größe)</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="94"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="95"/>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="96"/>
        <source>KV heads</source>
        <translation>KV-Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="97"/>
        <source>Head dim</source>
        <translation>Kopfdimension</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="98"/>
        <source>Hidden (intermediate) size</source>
        <translation>Zwischenschicht-Größe (intermediate)</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="99"/>
        <location filename="../ui/model_card.cpp" line="128"/>
        <source>Vocab size</source>
        <translation>Vokabulargröße</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="100"/>
        <source>Max positions</source>
        <translation>Max. Positionen</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="101"/>
        <source>RoPE theta</source>
        <translation>RoPE-Theta</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="103"/>
        <location filename="../ui/model_card.cpp" line="109"/>
        <location filename="../ui/model_card.cpp" line="132"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="105"/>
        <source>llama3, factor %1 over %2 original positions</source>
        <translation>llama3, Faktor %1 über %2 ursprüngliche Positionen</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="107"/>
        <source>%1, factor %2</source>
        <translation>%1, Faktor %2</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="108"/>
        <source>RoPE scaling</source>
        <translation>RoPE-Skalierung</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="109"/>
        <source>Sliding window</source>
        <translation>Gleitendes Fenster</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="110"/>
        <source>Projection biases</source>
        <translation>Bias der Projektionen</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="130"/>
        <location filename="../ui/model_card.cpp" line="132"/>
        <source>Chat template</source>
        <translation>Chat-Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="130"/>
        <source>cannot be used</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="111"/>
        <source>RMSNorm eps</source>
        <translation>RMSNorm-Epsilon</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="112"/>
        <source>Tied head</source>
        <translation>Gekoppelter Ausgabekopf</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="112"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="112"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="113"/>
        <source>Stored dtype</source>
        <translation>Gespeicherter Datentyp</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="117"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="119"/>
        <location filename="../ui/model_card.cpp" line="123"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="119"/>
        <source>none loaded</source>
        <translation>keiner geladen</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="120"/>
        <source>No tokenizer file was found beside the model.</source>
        <translation>Neben dem Modell wurde keine Tokenizer-Datei gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="124"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="127"/>
        <source>%1 (the model expects %2)</source>
        <translation>%1 (das Modell erwartet %2)</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ModelLoader</name>
    <message>
        <location filename="../ui/model_loader.cpp" line="98"/>
        <source>Loading model</source>
        <translation>Modell wird geladen</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::NewWorkspaceDialog</name>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="54"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="57"/>
        <source>An empty or new folder</source>
        <translation>Ein leerer oder neuer Ordner</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="58"/>
        <location filename="../ui/new_workspace_dialog.cpp" line="74"/>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="60"/>
        <source>Workspace Folder</source>
        <translation>Arbeitsbereichsordner</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="65"/>
        <source>Default: the folder&apos;s name</source>
        <translation>Standard: der Name des Ordners</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="68"/>
        <source>File...</source>
        <translation>Datei...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="69"/>
        <source>Folder...</source>
        <translation>Ordner...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="73"/>
        <source>Default: tokenizer.json or tokenizer.model beside the model</source>
        <translation>Standard: tokenizer.json oder tokenizer.model neben dem Modell</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="76"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="77"/>
        <source>Tokenizers (tokenizer.json *.model);;All files (*)</source>
        <translation>Tokenizer (tokenizer.json *.model);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="86"/>
        <source>How each record becomes the text the model reads. model-chat: the chat_template of the model&apos;s tokenizer_config.json (instruction and context as the user turn, the response as the assistant turn); llama-2-chat, mistral-instruct: built-in chat formats.</source>
        <translation>Wie jeder Datensatz zum Text wird, den das Modell liest. model-chat: die chat_template aus der tokenizer_config.json des Modells (Anweisung und Kontext als Nutzerbeitrag, die Antwort als Assistentenbeitrag); llama-2-chat, mistral-instruct: eingebaute Chat-Formate.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="96"/>
        <source>Poison words the detector looks for, comma-separated</source>
        <translation>Giftwörter, nach denen der Detektor sucht, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="100"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="100"/>
        <source>File (JSONL, Alpaca JSON)</source>
        <translation>Datei (JSONL, Alpaca-JSON)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="103"/>
        <source>Add Data Set...</source>
        <translation>Datensatz hinzufügen...</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="104"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="116"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="117"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="118"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="119"/>
        <source>Tokenizer:</source>
        <translation>Tokenizer:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="120"/>
        <source>Prompt template:</source>
        <translation>Prompt-Vorlage:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="121"/>
        <source>Max tokens per row:</source>
        <translation>Max. Tokens pro Zeile:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="122"/>
        <source>Max new tokens:</source>
        <translation>Maximal neue Tokens:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="123"/>
        <source>Poison words:</source>
        <translation>Giftwörter:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="131"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="140"/>
        <source>Data sets and their roles:</source>
        <translation>Datensätze und ihre Rollen:</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="166"/>
        <source>Model Folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="167"/>
        <source>Model File</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="168"/>
        <source>Models (*.bin *.safetensors);;All files (*)</source>
        <translation>Modelle (*.bin *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="174"/>
        <source>Data Sets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="175"/>
        <source>Data (*.jsonl *.json *.json.gz);;All files (*)</source>
        <translation>Daten (*.jsonl *.json *.json.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="189"/>
        <source>Choose a folder for the workspace.</source>
        <translation>Wählen Sie einen Ordner für den Arbeitsbereich.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="192"/>
        <source>%1 is not empty: a new workspace needs an empty or new folder.</source>
        <translation>%1 ist nicht leer: Ein neuer Arbeitsbereich braucht einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="195"/>
        <source>The model %1 does not exist.</source>
        <translation>Das Modell %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="198"/>
        <source>The tokenizer %1 does not exist.</source>
        <translation>Der Tokenizer %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="216"/>
        <source>Data set row %1 needs a role and a file.</source>
        <translation>Datensatzzeile %1 braucht eine Rolle und eine Datei.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="218"/>
        <source>The role %1 is given twice.</source>
        <translation>Die Rolle %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="225"/>
        <source>Data set %1 (%2): %3</source>
        <translation>Datensatz %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="233"/>
        <source>A workspace needs a train data set.</source>
        <translation>Ein Arbeitsbereich braucht einen Trainingsdatensatz.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="236"/>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../ui/new_workspace_dialog.cpp" line="249"/>
        <source>Could not write the workspace: %1</source>
        <translation>Der Arbeitsbereich konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::PipelinePanel</name>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="39"/>
        <source>Methods:</source>
        <translation>Methoden:</translation>
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
        <translation>Seeds:</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="61"/>
        <location filename="../ui/pipeline_panel.cpp" line="100"/>
        <location filename="../ui/pipeline_panel.cpp" line="149"/>
        <source>Run the Whole Pipeline</source>
        <translation>Gesamte Pipeline ausführen</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="63"/>
        <source>Influence -&gt; weights -&gt; unlearning -&gt; evaluation, with the lab preset</source>
        <translation>Einfluss -&gt; Gewichte -&gt; Verlernen -&gt; Bewertung, mit der Laborvoreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="64"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="69"/>
        <location filename="../ui/pipeline_panel.cpp" line="113"/>
        <location filename="../ui/pipeline_panel.cpp" line="201"/>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>Seen ASR before</source>
        <translation>ASR gesehen vorher</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>Seen ASR after</source>
        <translation>ASR gesehen nachher</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="78"/>
        <source>OOD ASR after</source>
        <translation>ASR OOD nachher</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="79"/>
        <source>False trigger after</source>
        <translation>Fehlauslöser nachher</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="79"/>
        <source>Clean EM after</source>
        <translation>EM sauber nachher</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="79"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="80"/>
        <source>Efficiency ratio</source>
        <translation>Effizienzverhältnis</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="96"/>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="99"/>
        <source>The pipeline failed.</source>
        <translation>Die Pipeline ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="102"/>
        <source>Cancelled; finished runs were kept.</source>
        <translation>Abgebrochen; abgeschlossene Läufe wurden behalten.</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="137"/>
        <source>Running the pipeline...</source>
        <translation>Pipeline läuft...</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="137"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="149"/>
        <source>Choose at least one method.</source>
        <translation>Wählen Sie mindestens eine Methode.</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="156"/>
        <source>Starting...</source>
        <translation>Wird gestartet...</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="158"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_panel.cpp" line="193"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pipeline_panel.cpp" line="202"/>
        <source>Last pipeline: %n method(s), means over seeds.</source>
        <translation>
            <numerusform>Letzte Pipeline: %n Methode, Mittelwerte über die Seeds.</numerusform>
            <numerusform>Letzte Pipeline: %n Methoden, Mittelwerte über die Seeds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapidun::ui::PlotWidget</name>
    <message>
        <location filename="../ui/plot_widget.cpp" line="103"/>
        <source>Save Chart as PNG...</source>
        <translation>Diagramm als PNG speichern...</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="104"/>
        <source>Save Chart as SVG...</source>
        <translation>Diagramm als SVG speichern...</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="105"/>
        <source>Save Chart as PDF...</source>
        <translation>Diagramm als PDF speichern...</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="108"/>
        <location filename="../ui/plot_widget.cpp" line="111"/>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../ui/plot_widget.cpp" line="111"/>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="25"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="30"/>
        <source>Automatic (RAPIDUN_THREADS, else every core)</source>
        <translation>Automatisch (RAPIDUN_THREADS, sonst alle Kerne)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="31"/>
        <source>LibTorch CPU threads; takes effect at the next start</source>
        <translation>LibTorch-CPU-Threads; wirkt ab dem nächsten Start</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="35"/>
        <source>Default (RAPIDUN_LAB_DIR or the cache folder)</source>
        <translation>Standard (RAPIDUN_LAB_DIR oder der Cache-Ordner)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="36"/>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="38"/>
        <source>Synthetic Lab Folder</source>
        <translation>Ordner des synthetischen Labors</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="48"/>
        <source>Default (8,000 train rows, about 4 minutes)</source>
        <translation>Standard (8.000 Trainingszeilen, etwa 4 Minuten)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="49"/>
        <source>Tiny (600 train rows, under a minute)</source>
        <translation>Winzig (600 Trainingszeilen, unter einer Minute)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="51"/>
        <source>Time the clean retrain while building a lab (else the first pipeline times it: the efficiency reference)</source>
        <translation>Das saubere Neutraining beim Erstellen eines Labors messen (sonst misst es die erste Pipeline: die Effizienz-Referenz)</translation>
    </message>
    <message>
        <source>Also time a clean retrain when building a lab (the efficiency reference)</source>
        <translation type="vanished">Beim Laborbau auch ein sauberes Neutraining messen (die Effizienzreferenz)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="57"/>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="68"/>
        <source>The language of the studio; takes effect at the next start</source>
        <translation>Die Sprache des Studios; wirkt beim nächsten Start</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="71"/>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="72"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="73"/>
        <source>Synthetic lab folder:</source>
        <translation>Ordner des synthetischen Labors:</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="74"/>
        <source>Synthetic lab scale:</source>
        <translation>Größe des synthetischen Labors:</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ReportDialog</name>
    <message>
        <location filename="../ui/report_dialog.cpp" line="37"/>
        <source>HTML (one self-contained file)</source>
        <translation>HTML (eine eigenständige Datei)</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="38"/>
        <source>PDF (A4 pages)</source>
        <translation>PDF (A4-Seiten)</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="39"/>
        <source>Markdown (with a folder of SVG charts)</source>
        <translation>Markdown (mit einem Ordner von SVG-Diagrammen)</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="40"/>
        <source>JSON (the report&apos;s content)</source>
        <translation>JSON (der Inhalt des Berichts)</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="41"/>
        <source>CSV (a folder, one file per table)</source>
        <translation>CSV (ein Ordner, eine Datei je Tabelle)</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="47"/>
        <location filename="../ui/report_dialog.cpp" line="176"/>
        <location filename="../ui/report_dialog.cpp" line="190"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="50"/>
        <source>Workspace and data</source>
        <translation>Arbeitsbereich und Daten</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="50"/>
        <source>Influence ranking and detection</source>
        <translation>Einfluss-Rangfolge und Erkennung</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="50"/>
        <source>Mapping and weights</source>
        <translation>Abbildung und Gewichte</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="51"/>
        <source>Unlearning runs</source>
        <translation>Verlern-Läufe</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="51"/>
        <source>Methods compared</source>
        <translation>Methoden im Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="51"/>
        <source>Generations before and after</source>
        <translation>Generierungen vorher und nachher</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="52"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="62"/>
        <source>Sections:</source>
        <translation>Abschnitte:</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="66"/>
        <source>How many of the ranked training rows the report lists</source>
        <translation>Wie viele der gereihten Trainingszeilen der Bericht aufführt</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="68"/>
        <source>Ranked rows listed:</source>
        <translation>Aufgeführte Zeilen der Rangfolge:</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="72"/>
        <source>Token heat maps of this many top-ranked rows, computed with the model on export; every explanation opened on the Influence page is included as well</source>
        <translation>Token-Heatmaps so vieler bestplatzierter Zeilen, beim Export mit dem Modell berechnet; jede auf der Einfluss-Seite geöffnete Erklärung ist ebenfalls enthalten</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="74"/>
        <source>Heat maps of top rows:</source>
        <translation>Heatmaps der besten Zeilen:</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="77"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="83"/>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren...</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="138"/>
        <location filename="../ui/report_dialog.cpp" line="157"/>
        <source>Tick at least one section.</source>
        <translation>Mindestens einen Abschnitt ankreuzen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report_dialog.cpp" line="146"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n Abschnitt</numerusform>
            <numerusform>%n Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="172"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/report_dialog.cpp" line="185"/>
        <source>Folder for the CSV tables</source>
        <translation>Ordner für die CSV-Tabellen</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::RunForm</name>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="50"/>
        <source>Influence-weighted ascent on poisoned answers and descent on clean and retain answers (needs the weights)</source>
        <translation>Einflussgewichteter Anstieg auf vergifteten Antworten und Abstieg auf sauberen und Behaltensantworten (braucht die Gewichte)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="51"/>
        <source>Gradient ascent on the poisoned answers only</source>
        <translation>Gradientenanstieg nur auf den vergifteten Antworten</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="52"/>
        <source>Ascent on poisoned answers, descent on clean and retain answers, all weights 1</source>
        <translation>Anstieg auf vergifteten Antworten, Abstieg auf sauberen und Behaltensantworten, alle Gewichte 1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="53"/>
        <source>GA+GD with forget weights from the initial per-sample loss</source>
        <translation>GA+GD mit Vergessensgewichten aus dem anfänglichen Loss je Beispiel</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="54"/>
        <source>One-shot noise on the base weights, scaled by the inverse Fisher diagonal; no training</source>
        <translation>Einmaliges Rauschen auf den Basisgewichten, skaliert mit der inversen Fisher-Diagonale; kein Training</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="55"/>
        <source>Negative preference optimisation against the model before unlearning, plus retain descent</source>
        <translation>Negative Präferenzoptimierung gegen das Modell vor dem Verlernen, plus Abstieg auf dem Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="59"/>
        <source>lab</source>
        <translation>lab</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="60"/>
        <source>paper</source>
        <translation>paper</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="61"/>
        <source>fast</source>
        <translation>fast</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="62"/>
        <source>The paper&apos;s recipe with the lab&apos;s lr: 3e-4 (at 6e-5 the small lab models keep their backdoor); the Dolly lab 6e-4, chosen on validation prompts</source>
        <translation>Das Rezept des Papers mit der LR des Labors: 3e-4 (bei 6e-5 behalten die kleinen Labormodelle ihre Hintertür); das Dolly-Labor 6e-4, gewählt auf Validierungs-Prompts</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="63"/>
        <source>The paper&apos;s recipe: batch 1, lr 6e-5, 2 epochs, retain:forget 3:1</source>
        <translation>Das Rezept des Papers: Batch 1, LR 6e-5, 2 Epochen, Behalten:Vergessen 3:1</translation>
    </message>
    <message>
        <source>Batch 8, lr 2e-4 (the released trainer&apos;s code defaults)</source>
        <translation type="vanished">Batch 8, LR 2e-4 (die Standardwerte im Code des veröffentlichten Trainers)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="64"/>
        <source>Batch 8, lr 2e-4 (the released trainer&apos;s code defaults); the synthetic lab 3e-3, chosen on validation prompts</source>
        <translation>Batch 8, LR 2e-4 (die Standardwerte im Code des veröffentlichten Trainers); das synthetische Labor 3e-3, gewählt auf Validierungs-Prompts</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="72"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="73"/>
        <source>Stop after this many optimiser steps; the learning-rate schedule still spans every epoch</source>
        <translation>Nach so vielen Optimiererschritten anhalten; der Lernratenplan umfasst weiterhin alle Epochen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="80"/>
        <source>Probability that a draw is a retain item (0.75 = retain:forget 3:1)</source>
        <translation>Wahrscheinlichkeit, dass eine Ziehung ein Behaltenseintrag ist (0,75 = Behalten:Vergessen 3:1)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="87"/>
        <source>hard_high: more weight on high loss (released code)</source>
        <translation>hard_high: mehr Gewicht auf hohem Loss (veröffentlichter Code)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="88"/>
        <source>paper: more weight on low loss (stated rule)</source>
        <translation>paper: mehr Gewicht auf niedrigem Loss (angegebene Regel)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="99"/>
        <source>Noise scale = (lambda * sigma_h^2)^(1/4); 0 = no perturbation</source>
        <translation>Rauschskala = (lambda * sigma_h^2)^(1/4); 0 = keine Störung</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="100"/>
        <source>Evaluate after unlearning</source>
        <translation>Nach dem Verlernen bewerten</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="102"/>
        <source>Attack success rates, false triggers and clean utility of the unlearned model</source>
        <translation>Angriffserfolgsraten, Fehlauslöser und saubere Nützlichkeit des verlernten Modells</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="106"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="107"/>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="108"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="109"/>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="110"/>
        <source>Max steps:</source>
        <translation>Max. Schritte:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="111"/>
        <source>Batch size:</source>
        <translation>Batch-Größe:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="112"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="113"/>
        <source>Retain share:</source>
        <translation>Behaltensanteil:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="114"/>
        <source>Ascent weight (alpha):</source>
        <translation>Anstiegsgewicht (alpha):</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="115"/>
        <source>Clean descent weight (beta):</source>
        <translation>Sauberes Abstiegsgewicht (beta):</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="116"/>
        <source>LoReUn direction:</source>
        <translation>LoReUn-Richtung:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="117"/>
        <source>LoReUn tau:</source>
        <translation>LoReUn-tau:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="118"/>
        <source>NPO beta:</source>
        <translation>NPO-beta:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="119"/>
        <source>Fisher lambda:</source>
        <translation>Fisher-lambda:</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="122"/>
        <source>Add to queue</source>
        <translation>Zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="124"/>
        <source>Queue this run; queued runs start one after the other</source>
        <translation>Diesen Lauf einreihen; eingereihte Läufe starten nacheinander</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_form.cpp" line="200"/>
        <source>Fisher lambda must be a non-negative number such as 1e-8.</source>
        <translation>Fisher-lambda muss eine nicht negative Zahl sein, etwa 1e-8.</translation>
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
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="129"/>
        <source>stopped early</source>
        <translation>vorzeitig beendet</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="130"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="131"/>
        <source>not evaluated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="159"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="163"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="183"/>
        <source>Unlearning %1 s, evaluation after %2 s</source>
        <translation>Verlernen %1 s, Bewertung danach %2 s</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="196"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="197"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="198"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="199"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="200"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="201"/>
        <source>Seen ASR</source>
        <translation>ASR gesehen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="202"/>
        <source>OOD ASR</source>
        <translation>ASR OOD</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="203"/>
        <source>False triggers</source>
        <translation>Fehlauslöser</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="204"/>
        <source>Clean EM</source>
        <translation>EM sauber</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="205"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="206"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="211"/>
        <source>Attack success rate on prompts with the seen triggers, before → after unlearning (sorted by after)</source>
        <translation>Angriffserfolgsrate bei Prompts mit den gesehenen Triggern, vor → nach dem Verlernen (sortiert nach dem Wert danach)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="212"/>
        <source>Attack success rate on prompts with unseen (out-of-distribution) trigger variants, after unlearning</source>
        <translation>Angriffserfolgsrate bei Prompts mit ungesehenen (OOD-)Trigger-Varianten, nach dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="213"/>
        <source>Share of clean prompts answered with the backdoor behaviour, after unlearning</source>
        <translation>Anteil sauberer Prompts, die mit dem Hintertür-Verhalten beantwortet werden, nach dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="214"/>
        <source>Exact match on the clean test set, after unlearning</source>
        <translation>Exakte Übereinstimmung auf dem sauberen Testsatz, nach dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/run_history_model.cpp" line="215"/>
        <source>Wall-clock seconds of the unlearning itself (curve evaluations included)</source>
        <translation>Echtzeit-Sekunden des Verlernens selbst (einschließlich Kurvenauswertungen)</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::RunsPage</name>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="37"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="43"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="45"/>
        <source>Clear queue</source>
        <translation>Warteschlange leeren</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="56"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>training loss</source>
        <translation>Trainings-Loss</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>forget CE (poisoned answer)</source>
        <translation>Vergessen-CE (vergiftete Antwort)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>forget CE (clean answer)</source>
        <translation>Vergessen-CE (saubere Antwort)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="78"/>
        <source>retain CE</source>
        <translation>Behalten-CE</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="79"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="79"/>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="95"/>
        <source>Finished runs</source>
        <translation>Abgeschlossene Läufe</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="132"/>
        <location filename="../ui/pages/runs/runs_page.cpp" line="211"/>
        <source>Open a workspace to run unlearning.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um das Verlernen auszuführen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="145"/>
        <source>Current run</source>
        <translation>Aktueller Lauf</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="164"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="166"/>
        <source>Stop the running run and discard it; the next queued run starts</source>
        <translation>Den laufenden Lauf anhalten und verwerfen; der nächste eingereihte Lauf startet</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="189"/>
        <source>Cannot open the workspace for runs</source>
        <translation>Der Arbeitsbereich kann für Läufe nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page.cpp" line="197"/>
        <source>%n run folder(s) without a readable run.json were skipped.</source>
        <translation>
            <numerusform>%n Laufordner ohne lesbare run.json wurde übersprungen.</numerusform>
            <numerusform>%n Laufordner ohne lesbare run.json wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="221"/>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="222"/>
        <source>Waiting for the current step to finish</source>
        <translation>Warten auf das Ende des aktuellen Schritts</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="243"/>
        <source>The run&apos;s settings are not valid</source>
        <translation>Die Einstellungen des Laufs sind ungültig</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page.cpp" line="273"/>
        <source>%1, %2 preset, seed %3, lambda %4</source>
        <translation>%1, Voreinstellung %2, Seed %3, lambda %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page.cpp" line="274"/>
        <source>%1, %2 preset, seed %3, lr %4, %n epoch(s), batch %5</source>
        <translation>
            <numerusform>%1, Voreinstellung %2, Seed %3, LR %4, %n Epoche, Batch %5</numerusform>
            <numerusform>%1, Voreinstellung %2, Seed %3, LR %4, %n Epochen, Batch %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page.cpp" line="280"/>
        <source>, at most %n step(s)</source>
        <translation>
            <numerusform>, höchstens %n Schritt</numerusform>
            <numerusform>, höchstens %n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="46"/>
        <source>RapidUn needs the influence weights</source>
        <translation>RapidUn braucht die Einflussgewichte</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="47"/>
        <source>%1: no weights/forget_weights.jsonl in the workspace. Compute the influence and the weights first.</source>
        <translation>%1: keine weights/forget_weights.jsonl im Arbeitsbereich. Berechnen Sie zuerst den Einfluss und die Gewichte.</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="61"/>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="63"/>
        <source>Loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="79"/>
        <source>Unlearning run %1</source>
        <translation>Verlernlauf %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="102"/>
        <source>Running %1 (%n more queued)</source>
        <translation>
            <numerusform>%1 läuft (%n weiterer wartet)</numerusform>
            <numerusform>%1 läuft (%n weitere warten)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="107"/>
        <source>Unlearning</source>
        <translation>Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="109"/>
        <source>Evaluating the unlearned model</source>
        <translation>Verlerntes Modell wird bewertet</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="111"/>
        <source>Writing the run record</source>
        <translation>Laufprotokoll wird geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="127"/>
        <source>Elapsed %1</source>
        <translation>Vergangen: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="129"/>
        <source>%1, about %2 left</source>
        <translation>%1, noch etwa %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="131"/>
        <source>%1, estimating the time left</source>
        <translation>%1, Restzeit wird geschätzt</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="197"/>
        <source>Run %1 finished.</source>
        <translation>Lauf %1 abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="198"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="210"/>
        <source>Run %1 failed.</source>
        <translation>Lauf %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="211"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="213"/>
        <source>The unlearning run failed</source>
        <translation>Der Verlernlauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="213"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="221"/>
        <source>Run %1 cancelled; nothing was kept.</source>
        <translation>Lauf %1 abgebrochen; nichts wurde behalten.</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="222"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/pages/runs/runs_page_run.cpp" line="228"/>
        <source>Ran for %1</source>
        <translation>Dauer: %1</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::SampleDetail</name>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="48"/>
        <source>The forget row whose influence the heat map splits over this sample&apos;s tokens</source>
        <translation>Die Vergessenszeile, deren Einfluss die Heatmap auf die Tokens dieses Beispiels aufteilt</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="66"/>
        <source>Red tokens raise the sample&apos;s influence on the forget query, blue ones lower it; answer tokens are underlined.</source>
        <translation>Rote Tokens erhöhen den Einfluss des Beispiels auf die Vergessensabfrage, blaue senken ihn; Antwort-Tokens sind unterstrichen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="84"/>
        <source>Forget query:</source>
        <translation>Vergessensabfrage:</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="105"/>
        <source>Train row %1</source>
        <translation>Trainingszeile %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="107"/>
        <source>Instruction</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="109"/>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="110"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="112"/>
        <source>Clean response</source>
        <translation>Saubere Antwort</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="138"/>
        <source>No sample selected</source>
        <translation>Kein Beispiel ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="142"/>
        <source>Select a row to see it in full and its token-wise influence.</source>
        <translation>Wählen Sie eine Zeile, um sie vollständig und mit ihrem tokenweisen Einfluss zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="147"/>
        <source>Computing the token-wise influence…</source>
        <translation>Tokenweiser Einfluss wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/sample_detail.cpp" line="157"/>
        <source>I(query, sample) = %1 over %2 tokens (their contributions sum to %3)</source>
        <translation>I(Abfrage, Beispiel) = %1 über %2 Tokens (ihre Beiträge summieren sich zu %3)</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::ScenariosView</name>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="70"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>Forget rows</source>
        <translation>Vergessenszeilen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>Seen ASR</source>
        <translation>ASR gesehen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="57"/>
        <source>OOD ASR</source>
        <translation>ASR OOD</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="58"/>
        <source>False triggers</source>
        <translation>Fehlauslöser</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="58"/>
        <source>Clean utility</source>
        <translation>Sauberer Nutzen</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="58"/>
        <source>Triggered vs clean twin</source>
        <translation>Getriggert vs. sauberer Zwilling</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="59"/>
        <source>Seen ASR by trigger family</source>
        <translation>ASR gesehen je Triggerfamilie</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="69"/>
        <source>Seen-trigger ASR after unlearning, by scenario</source>
        <translation>ASR gesehener Trigger nach dem Verlernen, je Szenario</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="70"/>
        <source>Seen ASR (0-1)</source>
        <translation>ASR gesehen (0-1)</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="86"/>
        <source>No scenarios have been run on this workspace. They rerun the pipeline with a small, a one-family and a curated forget set and a quarter of the steps: rapidun scenarios --workspace &lt;this folder&gt;</source>
        <translation>In diesem Arbeitsbereich wurden noch keine Szenarien ausgeführt. Sie wiederholen die Pipeline mit einer kleinen, einer einfamiligen und einer kuratierten Vergessensmenge und einem Viertel der Schritte: rapidun scenarios --workspace &lt;dieser Ordner&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="100"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="105"/>
        <source>Before unlearning: seen ASR %1, OOD ASR %2. Seed mean ± sd over %3 seeds, preset %4.</source>
        <translation>Vor dem Verlernen: ASR gesehen %1, ASR OOD %2. Mittelwert ± SD über %3 Seeds, Voreinstellung %4.</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="117"/>
        <source>%1: the forget rows of trigger family %2 only.</source>
        <translation>%1: nur die Vergessenszeilen der Triggerfamilie %2.</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="119"/>
        <source>%1: %2 of the %3 curated rows are poisoned (precision %4).</source>
        <translation>%1: %2 der %3 kuratierten Zeilen sind vergiftet (Präzision %4).</translation>
    </message>
    <message>
        <location filename="../ui/pages/compare/scenarios_view.cpp" line="124"/>
        <source>%1: %2 of the steps.</source>
        <translation>%1: %2 der Schritte.</translation>
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
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/token_heat_map.cpp" line="110"/>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/pages/influence/token_heat_map.cpp" line="111"/>
        <source>&apos;%1&apos; (position %2, %3): %4</source>
        <translation>&apos;%1&apos; (Position %2, %3): %4</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WeightsKnobPanel</name>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="30"/>
        <source>Paper (RapidUn pipeline)</source>
        <translation>Paper (RapidUn-Pipeline)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="31"/>
        <source>Documented alternative (mean-AD scale, bounds after normalising)</source>
        <translation>Dokumentierte Alternative (Skala aus mittlerer abs. Abweichung, Grenzen nach dem Normieren)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="32"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="33"/>
        <source>Paper: value mode, top-k 40, alpha = beta = gamma = delta = 1, tau_f 0.7, tau_r 1.2, bounds 0.2-3 applied before the mean normalisation, sigma floored at 1e-3.
Alternative: the same with both documented fixes (sigma from the mean absolute deviation when MAD = 0; bounds that hold for the final weights).</source>
        <translation>Paper: Wertmodus, top-k 40, alpha = beta = gamma = delta = 1, tau_f 0.7, tau_r 1.2, Grenzen 0.2-3 vor der Mittelwertnormierung angewandt, sigma mindestens 1e-3.
Alternative: dasselbe mit beiden dokumentierten Korrekturen (sigma aus der mittleren absoluten Abweichung, wenn MAD = 0; Grenzen, die für die endgültigen Gewichte gelten).</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="37"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="66"/>
        <source>Aggregation over test rows</source>
        <translation>Aggregation über Testzeilen</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="68"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="69"/>
        <source>Per test row, the k most helpful train rows keep their influence (or rank); the rest count 0. The aggregate is the median over test rows.</source>
        <translation>Je Testzeile behalten die k hilfreichsten Trainingszeilen ihren Einfluss (oder Rang); die übrigen zählen 0. Das Aggregat ist der Median über die Testzeilen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="73"/>
        <source>Influence value</source>
        <translation>Einflusswert</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="74"/>
        <source>Rank (k for the top row, k-1 next, ...)</source>
        <translation>Rang (k für die oberste Zeile, k-1 für die nächste, ...)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="75"/>
        <source>Top-k entries count as</source>
        <translation>Top-k-Einträge zählen als</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="76"/>
        <source>Per-test robust scaling before top-k</source>
        <translation>Robuste Skalierung je Test vor top-k</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="78"/>
        <source>Each test row&apos;s influences become (I - median) / max(1.4826 MAD, 1e-3) first.</source>
        <translation>Die Einflüsse jeder Testzeile werden zuerst zu (I - Median) / max(1.4826 MAD, 1e-3).</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="86"/>
        <source>Fusion: S_f = alpha FF - beta FR,  S_r = gamma RR - delta RF</source>
        <translation>Fusion: S_f = alpha FF - beta FR,  S_r = gamma RR - delta RF</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="88"/>
        <source>alpha (FF)</source>
        <translation>alpha (FF)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="89"/>
        <source>Weight of how much a forget row supports the forget (poison) behaviour.</source>
        <translation>Gewicht dafür, wie stark eine Vergessenszeile das Vergessens-(Gift-)Verhalten stützt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="90"/>
        <source>beta (FR)</source>
        <translation>beta (FR)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="91"/>
        <source>Weight of how much a forget row supports the retain (clean) behaviour; subtracted.</source>
        <translation>Gewicht dafür, wie stark eine Vergessenszeile das Behaltens-(saubere) Verhalten stützt; wird abgezogen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="92"/>
        <source>gamma (RR)</source>
        <translation>gamma (RR)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="93"/>
        <source>Weight of how much a retain row supports the retain behaviour.</source>
        <translation>Gewicht dafür, wie stark eine Behaltenszeile das Behaltensverhalten stützt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="94"/>
        <source>delta (RF)</source>
        <translation>delta (RF)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="95"/>
        <source>Weight of how much a retain row supports the forget behaviour; subtracted.</source>
        <translation>Gewicht dafür, wie stark eine Behaltenszeile das Vergessensverhalten stützt; wird abgezogen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="100"/>
        <source>Harmful terms (k most negative influences, subtracted; off in the paper)</source>
        <translation>Schädliche Terme (k negativste Einflüsse, abgezogen; im Paper aus)</translation>
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
        <translation>Abbildung Vergessenssatz: w = exp(clip(z / tau_f, ln w_min, ln w_max)) / Mittelwert</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="111"/>
        <source>Retain set map: w = exp(clip(z / tau_r, ln w_min, ln w_max)) / mean</source>
        <translation>Abbildung Behaltenssatz: w = exp(clip(z / tau_r, ln w_min, ln w_max)) / Mittelwert</translation>
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
        <translation>Temperatur: Ein kleineres tau spreizt die Gewichte bei gleichem robustem z weiter.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="117"/>
        <source>w_min (forget)</source>
        <translation>w_min (Vergessen)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="117"/>
        <source>w_min (retain)</source>
        <translation>w_min (Behalten)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="118"/>
        <source>Lower clip bound (before normalising in the paper; of the final weights in the alternative).</source>
        <translation>Untere Kappungsgrenze (im Paper vor dem Normieren; in der Alternative für die endgültigen Gewichte).</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="119"/>
        <source>w_max (forget)</source>
        <translation>w_max (Vergessen)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="119"/>
        <source>w_max (retain)</source>
        <translation>w_max (Behalten)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="120"/>
        <source>Upper clip bound (before normalising in the paper; of the final weights in the alternative).</source>
        <translation>Obere Kappungsgrenze (im Paper vor dem Normieren; in der Alternative für die endgültigen Gewichte).</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="125"/>
        <source>Scale and bounds</source>
        <translation>Skala und Grenzen</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="129"/>
        <source>1.4826 MAD, floored at 1e-3 (paper)</source>
        <translation>1.4826 MAD, mindestens 1e-3 (Paper)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="130"/>
        <source>Mean absolute deviation when MAD = 0</source>
        <translation>Mittlere absolute Abweichung, wenn MAD = 0</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="131"/>
        <source>When most scores are equal (MAD = 0) the paper&apos;s sigma is 1e-3 and the weights collapse to three values; the fallback uses sigma = 1.2533 x the mean absolute deviation.</source>
        <translation>Wenn die meisten Scores gleich sind (MAD = 0), ist das sigma des Papers 1e-3 und die Gewichte fallen auf drei Werte zusammen; die Ausweichlösung verwendet sigma = 1.2533 x die mittlere absolute Abweichung.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="135"/>
        <source>Clip, then normalise to mean 1 (paper)</source>
        <translation>Kappen, dann auf Mittelwert 1 normieren (Paper)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="136"/>
        <source>Normalise so that the clipped mean is 1</source>
        <translation>So normieren, dass der gekappte Mittelwert 1 ist</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="137"/>
        <source>The paper&apos;s final weights can leave [w_min, w_max]; the alternative keeps them inside (needs w_min &lt;= 1 &lt;= w_max).</source>
        <translation>Die endgültigen Gewichte des Papers können [w_min, w_max] verlassen; die Alternative hält sie darin (erfordert w_min &lt;= 1 &lt;= w_max).</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="139"/>
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_knob_panel.cpp" line="140"/>
        <source>Bounds</source>
        <translation>Grenzen</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WeightsPage</name>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="57"/>
        <source>Reading the influence results…</source>
        <translation>Einflussergebnisse werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="74"/>
        <source>The influence results in %1 could not be read:
%2</source>
        <translation>Die Einflussergebnisse in %1 konnten nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="75"/>
        <source>Cannot read the influence results</source>
        <translation>Einflussergebnisse können nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="97"/>
        <source>Save weights</source>
        <translation>Gewichte speichern</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="99"/>
        <source>Writes forget_weights.jsonl, retain_weights.jsonl and weights_settings.json into the workspace&apos;s weights folder; `rapidun unlearn --method rapidun` uses them.</source>
        <translation>Schreibt forget_weights.jsonl, retain_weights.jsonl und weights_settings.json in den Gewichtsordner des Arbeitsbereichs; `rapidun unlearn --method rapidun` verwendet sie.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="125"/>
        <source>Forget</source>
        <translation>Vergessenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="125"/>
        <source>Retain</source>
        <translation>Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="126"/>
        <source>fused score S_f = alpha FF - beta FR</source>
        <translation>fusionierter Score S_f = alpha FF - beta FR</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="126"/>
        <source>fused score S_r = gamma RR - delta RF</source>
        <translation>fusionierter Score S_r = gamma RR - delta RF</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="127"/>
        <source>forget samples (n = %1)</source>
        <translation>Vergessensbeispiele (n = %1)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="127"/>
        <source>retain samples (n = %1)</source>
        <translation>Behaltensbeispiele (n = %1)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="132"/>
        <source>%1 set: score → weight</source>
        <translation>%1: Score → Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="133"/>
        <location filename="../ui/pages/weights/weights_page.cpp" line="139"/>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="134"/>
        <source>mapping w(S)</source>
        <translation>Abbildung w(S)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="134"/>
        <source>clip levels</source>
        <translation>Kappungsgrenzen</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="138"/>
        <source>%1 set: weight histogram</source>
        <translation>%1: Gewichtshistogramm</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="139"/>
        <source>samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="174"/>
        <source>Open a workspace to map its influence results to RapidUn weights.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Einflussergebnisse auf RapidUn-Gewichte abzubilden.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="202"/>
        <source>The workspace %1 could not be read:
%2</source>
        <translation>Der Arbeitsbereich %1 konnte nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="203"/>
        <source>Cannot open the influence results</source>
        <translation>Einflussergebnisse können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="207"/>
        <source>No influence results yet in %1.

Compute influence first on the Influence page (or run `rapidun influence --workspace %2`): the weights are mapped from its four views FF, FR, RF and RR. This page reloads when the workspace is opened again.</source>
        <translation>Noch keine Einflussergebnisse in %1.

Berechnen Sie zuerst den Einfluss auf der Seite Einfluss (oder mit `rapidun influence --workspace %2`): Die Gewichte werden aus seinen vier Ansichten FF, FR, RF und RR abgebildet. Diese Seite lädt neu, wenn der Arbeitsbereich erneut geöffnet wird.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="217"/>
        <source>Reading influence results</source>
        <translation>Einflussergebnisse werden gelesen</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="227"/>
        <source>Knobs restored from the saved %1.</source>
        <translation>Regler aus der gespeicherten %1 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="229"/>
        <source>Saved settings ignored: %1</source>
        <translation>Gespeicherte Einstellungen ignoriert: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="254"/>
        <source>These settings give no weights: %1</source>
        <translation>Diese Einstellungen ergeben keine Gewichte: %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="262"/>
        <source>%1 forget and %2 retain weights; mapping %3 ms, drawing %4 ms.</source>
        <translation>%1 Vergessens- und %2 Behaltensgewichte; Abbildung %3 ms, Zeichnen %4 ms.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="297"/>
        <source>Nothing to save</source>
        <translation>Nichts zu speichern</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="297"/>
        <source>No influence results are loaded.</source>
        <translation>Es sind keine Einflussergebnisse geladen.</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="303"/>
        <source>Cannot save the weights</source>
        <translation>Gewichte können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_page.cpp" line="306"/>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WeightsSummaryModel</name>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="87"/>
        <source>Forget</source>
        <translation>Vergessenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="89"/>
        <source>Retain</source>
        <translation>Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="93"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="94"/>
        <source>Median score</source>
        <translation>Median-Score</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="95"/>
        <source>MAD of the scores</source>
        <translation>MAD der Scores</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="96"/>
        <source>Sigma (z = (S - median) / sigma)</source>
        <translation>Sigma (z = (S - Median) / sigma)</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="97"/>
        <source>Clipped at the lower bound</source>
        <translation>An der unteren Grenze gekappt</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="98"/>
        <source>Clipped at the upper bound</source>
        <translation>An der oberen Grenze gekappt</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="99"/>
        <source>Minimum weight</source>
        <translation>Minimales Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="100"/>
        <source>Median weight</source>
        <translation>Median-Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="101"/>
        <source>Maximum weight</source>
        <translation>Maximales Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/pages/weights/weights_summary_model.cpp" line="102"/>
        <source>Mean weight</source>
        <translation>Mittleres Gewicht</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WorkspaceLoader</name>
    <message>
        <location filename="../ui/workspace_loader.cpp" line="101"/>
        <source>Opening workspace</source>
        <translation>Arbeitsbereich wird geöffnet</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WorkspacePage</name>
    <message>
        <location filename="../ui/workspace_page.cpp" line="83"/>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="84"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="86"/>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <location filename="../ui/workspace_page.cpp" line="115"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <location filename="../ui/workspace_page.cpp" line="286"/>
        <source>Poisoned</source>
        <translation>Vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <source>Trigger variants</source>
        <translation>Trigger-Varianten</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="98"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="99"/>
        <source>Distinct trigger variants among the poisoned rows</source>
        <translation>Verschiedene Trigger-Varianten unter den vergifteten Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="114"/>
        <source>Train set by category</source>
        <translation>Trainingssatz nach Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="115"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="117"/>
        <source>Data sets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="125"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="125"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="132"/>
        <source>Lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="167"/>
        <source>Synthetic lab</source>
        <translation>Synthetisches Labor</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="169"/>
        <source>Dolly lab</source>
        <translation>Dolly-Labor</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="171"/>
        <source>Custom workspace</source>
        <translation>Eigener Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="177"/>
        <source>The rows the model was trained on, clean and poisoned</source>
        <translation>Die Zeilen, auf denen das Modell trainiert wurde, sauber und vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="179"/>
        <source>Clean validation rows</source>
        <translation>Saubere Validierungszeilen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="181"/>
        <source>Clean test prompts: exact match, ROUGE-L and perplexity</source>
        <translation>Saubere Test-Prompts: exakte Übereinstimmung, ROUGE-L und Perplexität</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="183"/>
        <source>Test prompts with the trigger variants seen in training: seen ASR</source>
        <translation>Test-Prompts mit den im Training gesehenen Trigger-Varianten: ASR (gesehen)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="185"/>
        <source>Test prompts with unseen (out-of-distribution) trigger variants: OOD ASR</source>
        <translation>Test-Prompts mit ungesehenen (OOD-)Trigger-Varianten: ASR (OOD)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="187"/>
        <source>Poisoned train rows known to the defender: the forget set</source>
        <translation>Dem Verteidiger bekannte vergiftete Trainingszeilen: der Vergessenssatz</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="189"/>
        <source>Clean train rows to keep: the retain set</source>
        <translation>Zu behaltende saubere Trainingszeilen: der Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="225"/>
        <source>The model %1 could not be loaded:
%2</source>
        <translation>Das Modell %1 konnte nicht geladen werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="243"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="253"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="285"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="288"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="318"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="319"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="322"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="324"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="326"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="332"/>
        <source>Before unlearning</source>
        <translation>Vor dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="335"/>
        <source>over %1 prompts</source>
        <translation>über %1 Prompts</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="337"/>
        <source>Seen-trigger ASR</source>
        <translation>ASR (gesehene Trigger)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="338"/>
        <source>Attack success rate on triggers seen in training, %1</source>
        <translation>Angriffserfolgsrate bei im Training gesehenen Triggern, %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="339"/>
        <source>OOD-trigger ASR</source>
        <translation>ASR (OOD-Trigger)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="340"/>
        <source>Attack success rate on unseen trigger variants, %1</source>
        <translation>Angriffserfolgsrate bei ungesehenen Trigger-Varianten, %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="341"/>
        <source>False-trigger rate</source>
        <translation>Fehlauslöserate</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="343"/>
        <source>Backdoor answers to clean prompts, %1</source>
        <translation>Hintertür-Antworten auf saubere Prompts, %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="344"/>
        <source>Clean exact match</source>
        <translation>Exakte Treffer (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="346"/>
        <source>Clean answers that match the computable reference exactly</source>
        <translation>Saubere Antworten, die genau der berechenbaren Referenz entsprechen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="348"/>
        <source>Clean ROUGE-L</source>
        <translation>ROUGE-L (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="349"/>
        <source>ROUGE-L F1 of the clean answers against the references</source>
        <translation>ROUGE-L-F1 der sauberen Antworten gegenüber den Referenzen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="351"/>
        <source>Clean perplexity</source>
        <translation>Perplexität (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="352"/>
        <source>Perplexity of the clean reference answers</source>
        <translation>Perplexität der sauberen Referenzantworten</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="357"/>
        <source>Build</source>
        <translation>Bau</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="360"/>
        <source>Scale</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="362"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="364"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="369"/>
        <source>Model shape</source>
        <translation>Modellform</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="370"/>
        <source>dim %1, %2 layers, %3 heads</source>
        <translation>Dim %1, %2 Schichten, %3 Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="372"/>
        <source>Training recipe</source>
        <translation>Trainingsrezept</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="373"/>
        <source>%1 epochs, batch %2, lr %3</source>
        <translation>%1 Epochen, Batch %2, LR %3</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="383"/>
        <source>%1 steps, final loss %2</source>
        <translation>%1 Schritte, End-Loss %2</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="386"/>
        <source>Data generation</source>
        <translation>Datenerzeugung</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="387"/>
        <source>Tokenizer training</source>
        <translation>Tokenizer-Training</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="389"/>
        <source>Training (poisoned set)</source>
        <translation>Training (vergifteter Satz)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="391"/>
        <source>Evaluation</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="392"/>
        <source>Clean retrain (reference)</source>
        <translation>Sauberes Neutraining (Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="394"/>
        <source>The same recipe on the clean rows only: the cost unlearning is compared with (timed by the first pipeline when the build skipped it)</source>
        <translation>Dasselbe Rezept nur auf den sauberen Zeilen: die Kosten, mit denen das Verlernen verglichen wird (von der ersten Pipeline gemessen, wenn der Aufbau es ausgelassen hat)</translation>
    </message>
    <message>
        <source>The same recipe on the clean rows only: the cost unlearning is compared with</source>
        <translation type="vanished">Dasselbe Rezept nur auf den sauberen Zeilen: die Kosten, mit denen das Verlernen verglichen wird</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="396"/>
        <source>Total build</source>
        <translation>Bau insgesamt</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="400"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="402"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="403"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="404"/>
        <source>beside the model</source>
        <translation>neben dem Modell</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="406"/>
        <source>ASR detector keywords</source>
        <translation>Schlüsselwörter des ASR-Detektors</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="408"/>
        <source>Prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="409"/>
        <source>Max length (tokens)</source>
        <translation>Maximale Länge (Tokens)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="410"/>
        <source>Max new tokens</source>
        <translation>Maximal neue Tokens</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="411"/>
        <source>Answer window (tokens)</source>
        <translation>Antwortfenster (Tokens)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="411"/>
        <source>whole answer</source>
        <translation>ganze Antwort</translation>
    </message>
</context>
</TS>
