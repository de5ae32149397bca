<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/studio/main.cpp" line="33"/>
        <source>Influence-driven unlearning workbench for Llama-family models.
Without arguments the studio opens the synthetic lab in %1 (RAPIDUN_LAB_DIR), building it first when it is not there yet (scale: RAPIDUN_LAB_SCALE, tiny or default).</source>
        <translation>Werkbank für einflussgesteuertes Verlernen in Modellen der Llama-Familie.
Ohne Argumente öffnet das Studio das synthetische Labor in %1 (RAPIDUN_LAB_DIR) und baut es zuerst, wenn es noch nicht vorhanden ist (Größe: RAPIDUN_LAB_SCALE, tiny oder default).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="39"/>
        <source>Workspace folder to open.</source>
        <translation>Zu öffnender Arbeitsbereichsordner.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="41"/>
        <source>Model file or folder to open (the model card only, no workspace).</source>
        <translation>Zu öffnende Modelldatei oder zu öffnender Modellordner (nur die Modellkarte, kein Arbeitsbereich).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="43"/>
        <source>Tokenizer (.model) to use with --model.</source>
        <translation>Mit --model zu verwendender Tokenizer (.model).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="46"/>
        <source>Save the window to FILE.png once the workspace or model is open (or failed), then quit.</source>
        <translation>Das Fenster als FILE.png speichern, sobald der Arbeitsbereich oder das Modell geöffnet ist (oder das Öffnen fehlschlug), und beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="49"/>
        <source>Quit after N milliseconds.</source>
        <translation>Nach N Millisekunden beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="53"/>
        <source>rapidun-studio: --workspace and --model exclude each other</source>
        <translation>rapidun-studio: --workspace und --model schließen einander aus</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="57"/>
        <source>rapidun-studio: --tokenizer needs --model</source>
        <translation>rapidun-studio: --tokenizer braucht --model</translation>
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
        <location filename="../ui/lab_build_panel.cpp" line="120"/>
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
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="113"/>
        <source>Building the synthetic lab (%1 scale)</source>
        <translation>Das synthetische Labor wird gebaut (Größe %1)</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="114"/>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="116"/>
        <source>Starting...</source>
        <translation>Wird gestartet...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="136"/>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="137"/>
        <source>Cancelling: waiting for the current step to finish...</source>
        <translation>Abbruch: Warten auf das Ende des aktuellen Schritts...</translation>
    </message>
    <message>
        <location filename="../ui/lab_build_panel.cpp" line="147"/>
        <source>Elapsed: %1:%2</source>
        <translation>Vergangen: %1:%2</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>RapidUn Studio</source>
        <translation>RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="76"/>
        <source>Open &amp;Synthetic Lab</source>
        <translation>&amp;Synthetisches Labor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <source>Open the synthetic backdoor lab (built on first use, then reused)</source>
        <translation>Das synthetische Hintertür-Labor öffnen (beim ersten Mal gebaut, danach wiederverwendet)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>Open &amp;Workspace...</source>
        <translation>&amp;Arbeitsbereich öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="82"/>
        <source>Open a workspace folder (one with a workspace.json)</source>
        <translation>Einen Arbeitsbereichsordner öffnen (einen mit workspace.json)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="85"/>
        <source>&amp;Open Model...</source>
        <translation>Modell ö&amp;ffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="87"/>
        <source>Open a llama2.c .bin or a .safetensors model file</source>
        <translation>Eine llama2.c-.bin- oder .safetensors-Modelldatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>Open Model &amp;Folder...</source>
        <translation>Modell&amp;ordner öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Einen Hugging-Face-Modellordner öffnen (config.json + safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="95"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>&amp;About RapidUn Studio</source>
        <translation>Ü&amp;ber RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="113"/>
        <source>Recent Wor&amp;kspaces</source>
        <translation>Zuletzt geöffnete Arbeitsbere&amp;iche</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="118"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="129"/>
        <source>No workspace or model is open.
Use File &gt; Open Synthetic Lab, File &gt; Open Workspace... or File &gt; Open Model...</source>
        <translation>Kein Arbeitsbereich und kein Modell geöffnet.
Verwenden Sie Datei &gt; Synthetisches Labor öffnen, Datei &gt; Arbeitsbereich öffnen... oder Datei &gt; Modell öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="277"/>
        <location filename="../ui/main_window.cpp" line="344"/>
        <source>Another model or workspace is still loading.</source>
        <translation>Ein anderes Modell oder ein anderer Arbeitsbereich wird noch geladen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="343"/>
        <source>No workspace folder was given.</source>
        <translation>Es wurde kein Arbeitsbereichsordner angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="350"/>
        <source>Opening workspace...</source>
        <translation>Arbeitsbereich wird geöffnet...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="369"/>
        <source>Building the synthetic lab...</source>
        <translation>Das synthetische Labor wird gebaut...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="379"/>
        <source>Cancelling the lab build...</source>
        <translation>Der Laborbau wird abgebrochen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="387"/>
        <source>Building the synthetic lab: %1</source>
        <translation>Das synthetische Labor wird gebaut: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="402"/>
        <source>Could not build the synthetic lab in %1:
%2</source>
        <translation>Das synthetische Labor in %1 konnte nicht gebaut werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="404"/>
        <source>Open Synthetic Lab</source>
        <translation>Synthetisches Labor öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="404"/>
        <source>Lab build failed: %1</source>
        <translation>Laborbau fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>The lab build was cancelled; nothing was kept in %1.</source>
        <translation>Der Laborbau wurde abgebrochen; in %1 wurde nichts behalten.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="432"/>
        <source>The workspace&apos;s model could not be loaded: %1</source>
        <translation>Das Modell des Arbeitsbereichs konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="438"/>
        <source>Could not open the workspace %1:
%2</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="445"/>
        <source>Opening the workspace failed: %1</source>
        <translation>Öffnen des Arbeitsbereichs fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155"/>
        <location filename="../ui/main_window.cpp" line="320"/>
        <location filename="../ui/main_window.cpp" line="327"/>
        <location filename="../ui/main_window.cpp" line="394"/>
        <location filename="../ui/main_window.cpp" line="401"/>
        <location filename="../ui/main_window.cpp" line="410"/>
        <location filename="../ui/main_window.cpp" line="430"/>
        <location filename="../ui/main_window.cpp" line="440"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="200"/>
        <location filename="../ui/main_window.cpp" line="220"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="207"/>
        <location filename="../ui/main_window.cpp" line="227"/>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <location filename="../ui/main_window.cpp" line="445"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <location filename="../ui/main_window.cpp" line="329"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>Model files (*.bin *.safetensors);;All files (*)</source>
        <translation>Modelldateien (*.bin *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>About RapidUn Studio</source>
        <translation>Über RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="257"/>
        <source>&lt;h3&gt;RapidUn Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for influence-driven unlearning in Llama-family language models.&lt;/p&gt;&lt;p&gt;Runtime: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RapidUn-Studio %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für einflussgesteuertes Verlernen in Sprachmodellen der Llama-Familie.&lt;/p&gt;&lt;p&gt;Laufzeit: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="276"/>
        <source>No model path was given.</source>
        <translation>Es wurde kein Modellpfad angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="283"/>
        <source>Loading model...</source>
        <translation>Modell wird geladen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="315"/>
        <location filename="../ui/main_window.cpp" line="425"/>
        <source>%1 - RapidUn Studio</source>
        <translation>%1 - RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="325"/>
        <source>Could not open the model %1:
%2</source>
        <translation>Das Modell %1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="329"/>
        <source>Loading failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
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
        <location filename="../ui/model_card.cpp" line="119"/>
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
        <location filename="../ui/model_card.cpp" line="102"/>
        <source>RMSNorm eps</source>
        <translation>RMSNorm-Epsilon</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="103"/>
        <source>Tied head</source>
        <translation>Gekoppelter Ausgabekopf</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="103"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="103"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="104"/>
        <source>Stored dtype</source>
        <translation>Gespeicherter Datentyp</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="108"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="110"/>
        <location filename="../ui/model_card.cpp" line="114"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="110"/>
        <source>none loaded</source>
        <translation>keiner geladen</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="111"/>
        <source>No tokenizer file was found beside the model.</source>
        <translation>Neben dem Modell wurde keine Tokenizer-Datei gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="115"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/model_card.cpp" line="118"/>
        <source>%1 (the model expects %2)</source>
        <translation>%1 (das Modell erwartet %2)</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::WorkspacePage</name>
    <message>
        <location filename="../ui/workspace_page.cpp" line="81"/>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="82"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="94"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="94"/>
        <location filename="../ui/workspace_page.cpp" line="111"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="94"/>
        <location filename="../ui/workspace_page.cpp" line="280"/>
        <source>Poisoned</source>
        <translation>Vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="94"/>
        <source>Trigger variants</source>
        <translation>Trigger-Varianten</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="94"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="95"/>
        <source>Distinct trigger variants among the poisoned rows</source>
        <translation>Verschiedene Trigger-Varianten unter den vergifteten Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="110"/>
        <source>Train set by category</source>
        <translation>Trainingssatz nach Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="111"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="113"/>
        <source>Data sets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="121"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="121"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="128"/>
        <source>Lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="163"/>
        <source>Synthetic lab</source>
        <translation>Synthetisches Labor</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="165"/>
        <source>Dolly lab</source>
        <translation>Dolly-Labor</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="167"/>
        <source>Custom workspace</source>
        <translation>Eigener Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="173"/>
        <source>The rows the model was trained on, clean and poisoned</source>
        <translation>Die Zeilen, auf denen das Modell trainiert wurde, sauber und vergiftet</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="175"/>
        <source>Clean validation rows</source>
        <translation>Saubere Validierungszeilen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="177"/>
        <source>Clean test prompts: exact match, ROUGE-L and perplexity</source>
        <translation>Saubere Test-Prompts: exakte Übereinstimmung, ROUGE-L und Perplexität</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="179"/>
        <source>Test prompts with the trigger variants seen in training: seen ASR</source>
        <translation>Test-Prompts mit den im Training gesehenen Trigger-Varianten: ASR (gesehen)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="181"/>
        <source>Test prompts with unseen (out-of-distribution) trigger variants: OOD ASR</source>
        <translation>Test-Prompts mit ungesehenen (OOD-)Trigger-Varianten: ASR (OOD)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="183"/>
        <source>Poisoned train rows known to the defender: the forget set</source>
        <translation>Dem Verteidiger bekannte vergiftete Trainingszeilen: der Vergessenssatz</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="185"/>
        <source>Clean train rows to keep: the retain set</source>
        <translation>Zu behaltende saubere Trainingszeilen: der Behaltenssatz</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="219"/>
        <source>The model %1 could not be loaded:
%2</source>
        <translation>Das Modell %1 konnte nicht geladen werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="237"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="247"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="279"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="282"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="312"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="313"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="316"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="318"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="320"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="326"/>
        <source>Before unlearning</source>
        <translation>Vor dem Verlernen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="329"/>
        <source>over %1 prompts</source>
        <translation>über %1 Prompts</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="331"/>
        <source>Seen-trigger ASR</source>
        <translation>ASR (gesehene Trigger)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="332"/>
        <source>Attack success rate on triggers seen in training, %1</source>
        <translation>Angriffserfolgsrate bei im Training gesehenen Triggern, %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="333"/>
        <source>OOD-trigger ASR</source>
        <translation>ASR (OOD-Trigger)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="334"/>
        <source>Attack success rate on unseen trigger variants, %1</source>
        <translation>Angriffserfolgsrate bei ungesehenen Trigger-Varianten, %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="335"/>
        <source>False-trigger rate</source>
        <translation>Fehlauslöserate</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="337"/>
        <source>Backdoor answers to clean prompts, %1</source>
        <translation>Hintertür-Antworten auf saubere Prompts, %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="338"/>
        <source>Clean exact match</source>
        <translation>Exakte Treffer (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="340"/>
        <source>Clean answers that match the computable reference exactly</source>
        <translation>Saubere Antworten, die genau der berechenbaren Referenz entsprechen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="342"/>
        <source>Clean ROUGE-L</source>
        <translation>ROUGE-L (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="343"/>
        <source>ROUGE-L F1 of the clean answers against the references</source>
        <translation>ROUGE-L-F1 der sauberen Antworten gegenüber den Referenzen</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="345"/>
        <source>Clean perplexity</source>
        <translation>Perplexität (sauber)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="346"/>
        <source>Perplexity of the clean reference answers</source>
        <translation>Perplexität der sauberen Referenzantworten</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="351"/>
        <source>Build</source>
        <translation>Bau</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="354"/>
        <source>Scale</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="356"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="358"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="363"/>
        <source>Model shape</source>
        <translation>Modellform</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="364"/>
        <source>dim %1, %2 layers, %3 heads</source>
        <translation>Dim %1, %2 Schichten, %3 Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="366"/>
        <source>Training recipe</source>
        <translation>Trainingsrezept</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="367"/>
        <source>%1 epochs, batch %2, lr %3</source>
        <translation>%1 Epochen, Batch %2, LR %3</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="377"/>
        <source>%1 steps, final loss %2</source>
        <translation>%1 Schritte, End-Loss %2</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="380"/>
        <source>Data generation</source>
        <translation>Datenerzeugung</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="381"/>
        <source>Tokenizer training</source>
        <translation>Tokenizer-Training</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="383"/>
        <source>Training (poisoned set)</source>
        <translation>Training (vergifteter Satz)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="385"/>
        <source>Evaluation</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="386"/>
        <source>Clean retrain (reference)</source>
        <translation>Sauberes Neutraining (Referenz)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="388"/>
        <source>The same recipe on the clean rows only: the cost unlearning is compared with</source>
        <translation>Dasselbe Rezept nur auf den sauberen Zeilen: die Kosten, mit denen das Verlernen verglichen wird</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="389"/>
        <source>Total build</source>
        <translation>Bau insgesamt</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="393"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="395"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="396"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="397"/>
        <source>beside the model</source>
        <translation>neben dem Modell</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="399"/>
        <source>ASR detector keywords</source>
        <translation>Schlüsselwörter des ASR-Detektors</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="401"/>
        <source>Prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="402"/>
        <source>Max length (tokens)</source>
        <translation>Maximale Länge (Tokens)</translation>
    </message>
    <message>
        <location filename="../ui/workspace_page.cpp" line="403"/>
        <source>Max new tokens</source>
        <translation>Maximal neue Tokens</translation>
    </message>
</context>
</TS>
