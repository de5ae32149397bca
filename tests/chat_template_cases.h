// Small Jinja templates for tests/test_chat_template.cpp: each construct the chat-template renderer
// supports, compared with transformers' own Jinja environment (where transformers fails, the
// renderer must fail too), and the constructs it refuses with the words its message must hold.
#pragma once
#include <string>
#include <vector>

namespace ctcases {

// Rendered with messages() below, bos_token "<s>", eos_token "</s>", add_generation_prompt true.
inline const std::vector<std::string> & engine_templates() {
    static const std::vector<std::string> t = {
        // scoping: a set in a loop body lasts one iteration; `if` opens no scope; namespaces are shared
        R"J({% set x = 1 %}{% for i in [1,2] %}{{ x }}{% set x = x + 1 %}{{ x }}{% endfor %}{{ x }})J",
        R"J({% for i in [1,2] %}{% if i == 2 %}{{ y }}{% endif %}{% set y = i %}{% endfor %}{{ y }})J",
        R"J({% if true %}{% set z = 'in-if' %}{% endif %}{{ z }})J",
        R"J({% set ns = namespace(a=1, found=false) %}{% for i in [1,2,3] %}{% set ns.a = ns.a + i %}{% endfor %}{{ ns.a }}{{ ns.found }})J",
        R"J({%- set ns = namespace(found=false) -%}
{%- for message in messages -%}
    {%- if message['role'] == 'system' -%}
        {%- set ns.found = true -%}
    {%- endif -%}
{%- endfor -%}
{{ ns.found }})J",
        R"J({% set x %}inner {{ 1 + 1 }}{% endset %}[{{ x }}])J",
        // whitespace control, trim_blocks, lstrip_blocks, comments, a trailing newline
        "a\n  {% if true %}\n  x\n  {% endif %}\nb",
        "a\n  {{ 1 }}\n  {%- if true %}x{% endif %}  \nb\n",
        "x\n{# c #}\ny  {#- c -#}  z\n",
        "{%+ if true %}a{% endif %}\n  {%+ if true %}b{% endif %}",
        "  {% if true %}a{% endif %}",
        "\t {% if true %}a\n{% endif %}\t\n  {%- if true -%}  b  {%- endif +%}\n c\r\n{{- ' d ' -}}\n\n e \n\n",
        "{% for m in messages %}\n  {{ m.role }}\n{% endfor %}\n",
        R"J({%- for message in messages %}
    {{- message.role }}: {{ message['content'] | trim }}
    {% if loop.last %}LAST{% endif %}
{% endfor %})J",
        // literals and printing (Python's str and repr)
        R"J({{ 'a' 'b' }}{{ "\x41\u00e9\n\t\\" }}{{ 'a\qb' }}{{ '\101\0' }}{{ "\U0001F600" }}{{ '\é' }})J",
        R"J({{ [1,2][5] }}|{{ 'abc'[1:] }}|{{ (1,2) }}|{{ [1,'a',none,true,1.5] }}|{{ {'a':1} }})J",
        R"J({{ none }}{{ true }}{{ false }}{{ [] }}{{ {} }}{{ () }}{{ (1,) }})J",
        R"J({{ ['a', "b'", 'c"', "d'\""] }}{{ ['\n', '\x01', '\u00a0', '\u200b', 'é', '\\'] }})J",
        R"J({{ 3.0 }}|{{ 1e20 }}|{{ 0.1 + 0.2 }}|{{ 10/5 }}|{{ 1.5e-7 }}|{{ 1e16 }}|{{ 1e15 }}|{{ 0.0001 }}|{{ 0.00001 }}|{{ 123456789.125 }}|{{ -0.0 }})J",
        R"J({{ 0x1F }}{{ 0o17 }}{{ 0b101 }}{{ 1_000 }}{{ 1.5e3 }}{{ 2E2 }})J",
        // operators
        R"J({{ 1 == 1.0 }}{{ true == 1 }}{{ 'a' in 'cab' }}{{ 7 // 2 }}{{ 7 / 2 }}{{ -7 // 2 }}{{ 7 % 3 }}{{ 2 ** 10 }}{{ -7 % 3 }}{{ 7.5 // 2 }}{{ -2 ** 2 }})J",
        R"J({{ [1, 2] == [1, 2] }}{{ (1, 2) == [1, 2] }}{{ {'a': 1} == {'a': 1.0} }}{{ 'a' < 'b' }}{{ [1, 2] < [1, 3] }}{{ 1 < 2 < 3 }}{{ 3 > 2 > 2 }})J",
        R"J({{ 'a' in ['a', 'b'] }}{{ 'c' not in ['a'] }}{{ 'k' in {'k': 1} }}{{ 1 in [1.0] }}{{ none in [none] }})J",
        R"J({% set a = [1, 2] + [3] %}{{ a }}{{ 'ab' * 3 }}{{ [0] * 2 }}{{ 2 * 'x' }})J",
        R"J({{ 'x' ~ 1 ~ none ~ u ~ [1] }}{{ u ~ 'a' }}{{ u == none }}{{ u != 1 }}{{ u == v }})J",
        R"J({{ 1 if false }}|{{ 1 if true else 2 }}|{{ not 1 == 2 }}|{{ 0 or 'b' }}|{{ 'a' and 'c' }}|{{ none or [] }})J",
        R"J({% if true %}a{% elif false %}b{% else %}c{% endif %}{% if false %}a{% elif 1 %}b{% else %}c{% endif %}{% if 0 %}a{% elif '' %}b{% else %}c{% endif %})J",
        // loops
        R"J({% for x in [] %}a{% else %}b{% endfor %})J",
        R"J({% for a, b in [[1,2],[3,4]] %}{{ a }}{{ b }}{% endfor %}{% for k, v in {'x':1, 'a': 2}.items() %}{{k}}{{v}}{% endfor %})J",
        R"J({% for i in [1,2,3] %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% if i == 3 %}{% break %}{% endif %}{% endfor %})J",
        R"J({{ loop }}{% for i in [1,2] %}{{ loop.previtem }}{{ loop.nextitem }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length }}{{ loop.first }}{{ loop.last }}{{ loop.index }}{{ loop.index0 }}{% endfor %})J",
        R"J({% for m in messages if m.role != 'system' %}{{ loop.index }}/{{ loop.length }}:{{ m.role }} {% endfor %})J",
        R"J({% for x in 'ab' %}{{ x }}{% endfor %}{% for k in {'z': 1, 'y': 2} %}{{ k }}{% endfor %}{% for i in range(1, 10, 3) %}{{ i }}{% endfor %})J",
        R"J({% for m in messages %}{% for c in m.role %}{% if loop.first %}{{ c|upper }}{% endif %}{% endfor %}{% endfor %})J",
        // transformers' {% generation %} tag renders its body as is
        R"J({% for m in messages %}{% if m.role == 'assistant' %}{% generation %}{{ m.content }}{% endgeneration %}{% else %}[{{ m.role }}]{% endif %}{% endfor %})J",
        // access
        R"J({{ messages[0].role }}{{ messages[-1]['role'] }}{{ messages[5] }}{{ messages[1:]|length }}{{ messages[::-1][0].role }}{{ messages.0.role }})J",
        R"J({{ [1, 2, 3][1:] }}{{ [1, 2, 3][-2:] }}{{ 'hello'[::2] }}{{ 'hello'[-1] }}{{ [1,2,3][5:] }}{{ 'abc'[10] }}{{ messages[0].nope }}{{ messages[0]['nope'] is defined }})J",
        R"J({% set d = {'a': 1, 'b': {'c': [1, 2]}} %}{{ d.b.c[1] }}{{ d['b']['c'] }}{{ d|length }}{{ d|list }}{{ d|items|list }}{{ d.get('a') }}{{ d.get('q', 'dflt') }}{{ d.get('q') }})J",
        R"J({% set t = ('a', 'b') %}{{ t }}{{ t[0] }}{{ t|length }}{{ t + ('c',) }})J",
        // filters
        R"J({{ ' x '|trim }}|{{ 'x'|upper }}|{{ [1,2]|length }}|{{ {'a': [1, 'é', none, 1.5, true]}|tojson }}|{{ {'a': [1, {'b': []}]}|tojson(indent=2) }})J",
        R"J({% for m in messages %}{{ m.content|length }},{{ m.content|trim|length }},{{ m.content|upper }},{{ m.content|lower }};{% endfor %})J",
        R"J({{ messages|selectattr('role', 'equalto', 'user')|list|length }}{{ messages|map(attribute='role')|join(', ') }}{{ messages|rejectattr('role', 'eq', 'user')|map(attribute='role')|list }})J",
        R"J({% if messages|selectattr('role', 'equalto', 'nobody') %}truthy{% endif %}{{ messages|selectattr('role', 'equalto', 'user')|first }})J",
        R"J({{ [1, 2, 3, 4]|select('odd')|list }}{{ [1, 2, 3, 4]|reject('even')|list }}{{ [0, 1, '', 'a']|select|list }}{{ ['a', 'B']|map('upper')|list }})J",
        R"J({{ 'abc'|reverse }}{{ [1,2,3]|reverse|list }}{{ [3,1]|first }}{{ [3,1]|last }}{{ 'xyz'|first }}{{ []|first }}{{ range(3)|list }})J",
        R"J({{ '  12 '|int }}{{ '1.9'|int }}{{ 'x'|int(7) }}{{ 2.9|int }}{{ true|int }}{{ '1_000'|int }}{{ -3|abs }}{{ -2.5|abs }})J",
        R"J({{ x|default('dflt') }}{{ ''|default('e', true) }}{{ none|default('n') }}{{ 0|d(5, true) }}{{ 5|string ~ 'x' }})J",
        R"J({{ 'aaa'|replace('a', 'b', 2) }}{{ 'ab'|replace('', '-') }}{{ 'hello world'.replace('o', '0') }}{{ ['a', 1, none]|join('-') }})J",
        R"J({{ {'b': 1, 'a': [1, 2]}|tojson(sort_keys=true) }}{{ 'é"\n\x01'|tojson }}{{ 'é😀'|tojson(ensure_ascii=true) }}{{ 1.0|tojson }}{{ none|tojson }}{{ [1, 2]|tojson(separators=(',', ':')) }})J",
        R"J({{ messages|tojson }}{{ messages[0]|tojson(indent=4) }})J",
        R"J({{ 'ß'|upper }}{{ 'ΑΣ'|lower }}{{ 'İ'|lower|length }}{{ '\u00e9'|upper }})J",
        // methods and tests
        R"J({{ 'abc'.upper() }}{{ ' a '.strip() }}{{ 'a,b'.split(',') }}{{ ' a  b '.split() }}{{ 'a b c'.split(none, 1) }}{{ 'xxaxx'.strip('x') }}{{ '-'.join(['a', 'b']) }})J",
        R"J({{ messages[0].content.strip() }}|{{ messages[0]['content'].rstrip() }}|{{ messages[0].content.lstrip() }}|{{ messages[0].content.startswith(' S') }}{{ messages[0].content.endswith(('x', '\n')) }})J",
        R"J({% if x is defined %}d{% else %}u{% endif %}{{ none is none }}{{ 1 is number }}{{ 'a' is string }}{{ true is number }}{{ true is integer }}{{ 1.0 is float }}{{ {} is mapping }}{{ [] is iterable }}{{ 1 is not string }})J",
        R"J({{ 3 is odd }}{{ 4 is even }}{{ 9 is divisibleby 3 }}{{ 9 is divisibleby(2) }}{{ 1 is eq 1 }}{{ 1 is ne 2 }}{{ 1 is lt 2 }}{{ 'a' is in 'abc' }}{{ true is true }}{{ 1 is true }}{{ false is boolean }})J",
        R"J({{ strftime_now is defined }}{{ tools }}{{ documents }}{{ tools is none }}{{ add_generation_prompt }}{{ bos_token }}{{ eos_token }}{{ unk_token is defined }})J",
        // failures transformers has too (both must fail)
        R"J({{ u + 'a' }})J",
        R"J({{ u.a }})J",
        R"J({{ 'a' + 1 }})J",
        R"J({{ -'a' }})J",
        R"J({{ 'a' < 1 }})J",
        R"J({{ x.y is defined }})J",
        R"J({{ 1 in 'abc' }})J",
        R"J({{ x|tojson }})J",
        R"J({% for i in 5 %}{% endfor %})J",
        R"J({{ raise_exception('boom') }})J",
        R"J({{ 1 + }})J",
        R"J({% if %}{% endif %})J",
        R"J({% for x in y %})J",
        R"J({% endif %})J",
        R"J({{ "unterminated }})J",
        R"J({{ messages[0]['role'] ~ messages[9]['role'] }})J",
        R"J({{ 1 // 0 }})J",
        R"J({{ x|frobnicate }})J",
        R"J({% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}ok)J",
    };
    return t;
}

// Messages for engine_templates(): whitespace and non-ASCII where trim and strip must match Python.
inline const char * engine_messages_json() {
    return R"J([{"role": "system", "content": " Sys\n"}, {"role": "user", "content": "Hi \u00a0"},
                {"role": "assistant", "content": "\u3000Yo", "extra": null}, {"role": "user", "content": "ok\u2028"}])J";
}

struct Refused {
    std::string template_text;
    std::vector<std::string> words;   // the message holds each
};

// What the renderer refuses (at load, or when rendering reaches it) though transformers renders it.
inline const std::vector<Refused> & refused_templates() {
    static const std::vector<Refused> r = {
        {"{% macro f() %}x{% endmacro %}{{ f() }}", {"line 1, column 8", "unsupported statement {% macro %}"}},
        {"{% include 'x' %}", {"unsupported statement {% include %}"}},
        {"{% call f() %}{% endcall %}", {"unsupported statement {% call %}"}},
        {"ab\n  {{ x | frobnicate }}", {"line 2, column 10", "unsupported filter 'frobnicate'"}},
        {"{{ x is frobnicated }}", {"unsupported test 'is frobnicated'"}},
        {"{{ x.frob() }}", {"unsupported method '.frob()'"}},
        {"{{ lipsum() }}", {"unknown function 'lipsum()'"}},
        {"{{ messages|selectattr('role', 'equalto', 'user') }}", {"printing a generator"}},
        {"{{ range(3) }}", {"printing a dict view or range()"}},
        {"{{ messages[0].items }}", {"'items' of a dict is a Python method"}},
        {"{{ 10000000000 * 10000000000 }}", {"integer overflow"}},
        {"{% for x in xs recursive %}{% endfor %}", {"recursive for loops are not supported"}},
        {"{{ '%s' % 1 }}", {"printf-style string formatting"}},
        {"{% for i in [1] %}{{ loop.cycle('a', 'b') }}{% endfor %}", {"unsupported method '.cycle()'"}},
        {"{{ '\\N{BULLET}' }}", {"\\N{...} escapes are not supported"}},
        {"{% raw %}{{ x }}{% endraw %}", {"unsupported statement {% raw %}"}},
        {"{% set a, b = 1, 2 %}", {"set with several targets"}},
    };
    return r;
}

} // namespace ctcases
