{{ fromToml "" | toJson }} {{ fromToml "" | typeOf }}
