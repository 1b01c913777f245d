// The build failed naming the parameter, the template file, the line and the unknown variable, listed the variables
// the context has and suggested the near one; nothing was generated, not even the Java sources.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def line = log.readLines().find { it.contains('{{methodNam}}') }
assert line != null : 'the failure does not name {{methodNam}}'
assert line.contains('Specwright <templateDirectory>: ') : "not named as the templateDirectory's: ${line}"
assert line.contains('templates/api/{{className}}.txt.mustache:3: {{methodNam}} is not a variable of Operation') :
        "template, line or context missing: ${line}"
assert line.contains('(its variables: methodName, operationId, httpMethod, path') : "variables not listed: ${line}"
assert line.contains('did you mean methodName?') : "no suggestion: ${line}"
assert !log.contains('Specwright generated ')
assert !new File(basedir, 'target/generated-sources/specwright').exists() : 'files were written'
return true
