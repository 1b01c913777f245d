// The README's consumer pom built: the plugin generated the platform client, the app compiled against it, the jar holds both.
def log = new File(basedir, 'build.log').text
assert log.contains('Specwright generated ') : 'the plugin did not generate'
assert log.contains('BUILD SUCCESS')

def generated = new File(basedir, 'target/generated-sources/specwright/src/main/java/com/example/platform/PlatformClient.java')
assert generated.isFile() : "no generated client at ${generated}"
def app = new File(basedir, 'target/classes/com/example/app/PlatformApp.class')
assert app.isFile() : 'the app using the client did not compile'
assert new File(basedir, 'target/classes/com/example/platform/PlatformClient.class').isFile()

def jar = new java.util.jar.JarFile(new File(basedir, 'target/platform-app-1.0-SNAPSHOT.jar'))
try {
    assert jar.getEntry('com/example/app/PlatformApp.class') != null
    assert jar.getEntry('com/example/platform/PlatformCredentials.class') != null
} finally {
    jar.close()
}
return true
