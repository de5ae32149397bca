<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/studio/main.cpp" line="38"/>
        <source>Influence-driven unlearning workbench for Llama-family models.</source>
        <translation>Werkbank für einflussgesteuertes Verlernen in Modellen der Llama-Familie.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="41"/>
        <source>Model file or folder to open.</source>
        <translation>Zu öffnende Modelldatei oder zu öffnender Modellordner.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="42"/>
        <source>Tokenizer (.model) to use.</source>
        <translation>Zu verwendender Tokenizer (.model).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="44"/>
        <source>Save the window to FILE.png after loading, then quit.</source>
        <translation>Das Fenster nach dem Laden als FILE.png speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="45"/>
        <source>Quit after N milliseconds.</source>
        <translation>Nach N Millisekunden beenden.</translation>
    </message>
</context>
<context>
    <name>rapidun::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="41"/>
        <source>RapidUn Studio</source>
        <translation>RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="59"/>
        <source>&amp;Open Model...</source>
        <translation>Modell ö&amp;ffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <source>Open a llama2.c .bin or a .safetensors model file</source>
        <translation>Eine llama2.c-.bin- oder .safetensors-Modelldatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="64"/>
        <source>Open Model &amp;Folder...</source>
        <translation>Modell&amp;ordner öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>Open a Hugging Face model folder (config.json + safetensors)</source>
        <translation>Einen Hugging-Face-Modellordner öffnen (config.json + safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="69"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>&amp;About RapidUn Studio</source>
        <translation>Ü&amp;ber RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="87"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="98"/>
        <source>No model loaded. Use File &gt; Open Model...</source>
        <translation>Kein Modell geladen. Verwenden Sie Datei &gt; Modell öffnen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="118"/>
        <location filename="../ui/main_window.cpp" line="233"/>
        <location filename="../ui/main_window.cpp" line="240"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="167"/>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="176"/>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="177"/>
        <source>Model files (*.bin *.safetensors);;All files (*)</source>
        <translation>Modelldateien (*.bin *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="183"/>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="189"/>
        <source>About RapidUn Studio</source>
        <translation>Über RapidUn-Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="190"/>
        <source>&lt;h3&gt;RapidUn Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for influence-driven unlearning in Llama-family language models.&lt;/p&gt;&lt;p&gt;Runtime: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RapidUn-Studio %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für einflussgesteuertes Verlernen in Sprachmodellen der Llama-Familie.&lt;/p&gt;&lt;p&gt;Laufzeit: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>No model path was given.</source>
        <translation>Es wurde kein Modellpfad angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="203"/>
        <source>Another model is still loading.</source>
        <translation>Ein anderes Modell wird noch geladen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="209"/>
        <source>Loading model...</source>
        <translation>Modell wird geladen...</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>Could not open the model %1:
%2</source>
        <translation>Das Modell %1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="241"/>
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
</TS>
