// The generated SDK is a project that builds and deploys as it is: its pom has the coordinates, license and SCM the
// plugin was given and depends on specwright-runtime at the toolkit's version; `mvn verify` built the jar, the
// sources and the Javadoc jar with no Javadoc warning; `mvn deploy` put them in the folder repository.
def sdk = new File(basedir, 'target/sdk')
def pom = new groovy.xml.XmlSlurper().parse(new File(sdk, 'pom.xml'))
assert pom.groupId.text() == 'com.example.sdk'
assert pom.artifactId.text() == 'platform-sdk'
assert pom.version.text() == '2.3.0'
assert pom.licenses.license.name.text() == 'Apache-2.0'
assert pom.scm.connection.text() == 'scm:git:https://git.example.com/platform-sdk.git'
def runtime = pom.dependencies.dependency.find { it.artifactId.text() == 'specwright-runtime' }
// the toolkit's version: the plugin's in this IT's own pom (filtered from @project.version@)
def toolkit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin.version.text()
assert runtime.groupId.text() == 'dev.specwright' && runtime.version.text() == toolkit

['platform-sdk-2.3.0.jar', 'platform-sdk-2.3.0-sources.jar', 'platform-sdk-2.3.0-javadoc.jar'].each {
    assert new File(sdk, "target/${it}").isFile() : "mvn verify did not build ${it}"
}
def javadoc = new java.util.zip.ZipFile(new File(sdk, 'target/platform-sdk-2.3.0-javadoc.jar'))
assert javadoc.getEntry('com/example/platform/PlatformClient.html') != null : 'no Javadoc page of the client'

def readme = new File(sdk, 'README.md').text
assert readme.contains('PlatformCredentials.tenant(username, password, tenant, connectionId)')
assert readme.contains('client.products().list()')
assert readme.contains('catch (PlatformApiException e)')
['ProductsApi', 'OrdersApi', 'ConnectionsApi', 'LogApi', 'ResellerApi'].each {
    assert new File(sdk, "docs/${it}.md").isFile() : "no doc page of ${it}"
}

def log = new File(basedir, 'build.log').text
// the Javadoc plugin runs quiet and fails on warnings; no line of its own may warn either
def javadocWarnings = log.readLines().findAll { it.contains('warning') && (it.contains('.java:') || it.contains('javadoc')) }
assert javadocWarnings.isEmpty() : "Javadoc warnings: ${javadocWarnings.take(5)}"

def deployed = new File(basedir, 'target/deployed/com/example/sdk/platform-sdk/2.3.0')
['platform-sdk-2.3.0.jar', 'platform-sdk-2.3.0-sources.jar', 'platform-sdk-2.3.0-javadoc.jar', 'platform-sdk-2.3.0.pom'].each {
    assert new File(deployed, it).isFile() : "mvn deploy did not deploy ${it}"
}
return true
