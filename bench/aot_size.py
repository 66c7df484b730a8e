#!/usr/bin/env python3
"""Where a Native AOT executable's machine code comes from, for bench/run.sh's cold section.

    python3 bench/aot_size.py OBJ_NATIVE_DIR NAME

reads NAME.map.xml (written by ILC with -p:IlcGenerateMapFile=true) and NAME.ilc.rsp in OBJ_NATIVE_DIR, and prints
one JSON object: the total size of each kind of node, and the method code per assembly. ILC's map names methods by
mangled symbol (assembly name with `.` as `_`, System.Private.* as S_P_*), so each symbol is given to the assembly
whose mangled name is its longest prefix among the assemblies ILC compiled. Standard library only.
"""
import collections
import json
import os
import re
import sys


def mangle(assembly):
    if assembly.startswith("System.Private."):
        assembly = "S_P_" + assembly[len("System.Private."):]
    return re.sub(r"[^A-Za-z0-9]", "_", assembly)


def main():
    folder, name = sys.argv[1], sys.argv[2]
    assemblies = set()
    with open(os.path.join(folder, name + ".ilc.rsp"), encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            path = line[3:] if line.startswith("-r:") else line
            if path.endswith(".dll"):
                assemblies.add(os.path.basename(path)[:-4])
    prefixes = sorted(((mangle(a) + "_", a) for a in assemblies), key=lambda p: -len(p[0]))
    kinds, code = collections.Counter(), collections.Counter()
    node = re.compile(r'<(\w+) Name="([^"]*)" Length="(\d+)"')
    with open(os.path.join(folder, name + ".map.xml"), encoding="utf-8") as handle:
        for line in handle:
            match = node.search(line)
            if not match:
                continue
            kind, symbol, length = match.group(1), match.group(2), int(match.group(3))
            kinds[kind] += length
            if kind == "MethodCode":
                # Instantiations over another assembly's types are named by their owner, which starts the symbol.
                symbol = symbol.replace("&lt;Boxed&gt;", "")
                owner = next((a for p, a in prefixes if symbol.startswith(p)), "(other: stubs, helpers)")
                code[owner] += length
    print(json.dumps({"nodeBytes": dict(kinds.most_common(8)), "methodCodeByAssembly": dict(code.most_common(14))}))


if __name__ == "__main__":
    main()
