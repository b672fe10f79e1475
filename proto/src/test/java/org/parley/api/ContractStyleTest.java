package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a contract breaks the style the services rely on (buf STANDARD lint,
 * AIP-191): packages by folder, Java packages, enum zero values, per-RPC messages, one service a file.
 */
class ContractStyleTest {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private static List<FileDescriptorProto> contracts;

    @BeforeAll
    static void readCompiledContracts() throws IOException {
        Path set = Path.of("target", "parley-contracts.pb");
        try (InputStream in = Files.newInputStream(set)) {
            contracts = FileDescriptorSet.parseFrom(in).getFileList().stream()
                    .filter(file -> file.getName().startsWith("parley/"))
                    .toList();
        }
        assertThat(contracts).as("compiled Parley contracts").isNotEmpty();
    }

    @Test
    void everyServiceHasItsContract() {
        assertThat(contracts).extracting(FileDescriptorProto::getPackage)
                .contains("parley.common.v1", "parley.stakeholder.v1", "parley.request.v1", "parley.appeal.v1");
    }

    @Test
    void packageEqualsFolderAndJavaPackageFollowsIt() {
        List<String> problems = new ArrayList<>();
        for (FileDescriptorProto file : contracts) {
            String folder = file.getName().substring(0, file.getName().lastIndexOf('/')).replace('/', '.');
            if (!folder.equals(file.getPackage())) {
                problems.add(file.getName() + ": package " + file.getPackage() + " does not match its folder");
            }
            if (!file.getPackage().matches("parley\\.[a-z]+\\.v[0-9]+")) {
                problems.add(file.getName() + ": package must be parley.<service>.v<N>");
            }
            String expectedJava = "org.parley.api." + file.getPackage().substring("parley.".length());
            if (!expectedJava.equals(file.getOptions().getJavaPackage())) {
                problems.add(file.getName() + ": java_package must be " + expectedJava);
            }
            if (!file.getOptions().getJavaMultipleFiles()) {
                problems.add(file.getName() + ": java_multiple_files must be true");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void enumsStartWithUnspecifiedAndPrefixTheirValues() {
        List<String> problems = new ArrayList<>();
        for (FileDescriptorProto file : contracts) {
            file.getEnumTypeList().forEach(e -> checkEnum(file.getName(), e, problems));
            file.getMessageTypeList().forEach(m -> m.getEnumTypeList().forEach(e -> checkEnum(file.getName(), e, problems)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void namesFollowTheStyle() {
        List<String> problems = new ArrayList<>();
        for (FileDescriptorProto file : contracts) {
            for (DescriptorProto message : file.getMessageTypeList()) {
                checkMessage(file.getName(), message, problems);
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                if (!PASCAL.matcher(service.getName()).matches() || !service.getName().endsWith("Service")) {
                    problems.add(file.getName() + ": service " + service.getName() + " must be PascalCase ending in Service");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void oneServicePerFileNamedAfterIt() {
        List<String> problems = new ArrayList<>();
        for (FileDescriptorProto file : contracts) {
            if (file.getServiceCount() > 1) {
                problems.add(file.getName() + " declares " + file.getServiceCount() + " services");
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                String expected = snake(service.getName()) + ".proto";
                if (!file.getName().endsWith("/" + expected)) {
                    problems.add(file.getName() + " must be named " + expected);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRpcHasItsOwnRequestAndResponse() {
        List<String> problems = new ArrayList<>();
        for (FileDescriptorProto file : contracts) {
            Set<String> used = new HashSet<>();
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto rpc : service.getMethodList()) {
                    String in = simple(rpc.getInputType());
                    String out = simple(rpc.getOutputType());
                    if (!in.equals(rpc.getName() + "Request")) {
                        problems.add(file.getName() + ": " + rpc.getName() + " takes " + in + ", not " + rpc.getName() + "Request");
                    }
                    if (!out.equals(rpc.getName() + "Response")) {
                        problems.add(file.getName() + ": " + rpc.getName() + " returns " + out + ", not " + rpc.getName() + "Response");
                    }
                    if (!used.add(in) || !used.add(out)) {
                        problems.add(file.getName() + ": " + rpc.getName() + " shares a message with another RPC");
                    }
                    if (rpc.getName().startsWith("List")) {
                        checkPaginated(file, rpc, problems);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkPaginated(FileDescriptorProto file, MethodDescriptorProto rpc, List<String> problems) {
        Set<String> request = fieldNames(file, simple(rpc.getInputType()));
        Set<String> response = fieldNames(file, simple(rpc.getOutputType()));
        if (!request.containsAll(Set.of("page_size", "page_token")) || !response.contains("next_page_token")) {
            problems.add(file.getName() + ": " + rpc.getName() + " must paginate (page_size, page_token, next_page_token)");
        }
    }

    private static Set<String> fieldNames(FileDescriptorProto file, String message) {
        Set<String> names = new HashSet<>();
        file.getMessageTypeList().stream().filter(m -> m.getName().equals(message))
                .forEach(m -> m.getFieldList().forEach(f -> names.add(f.getName())));
        return names;
    }

    private static void checkMessage(String file, DescriptorProto message, List<String> problems) {
        if (!PASCAL.matcher(message.getName()).matches()) {
            problems.add(file + ": message " + message.getName() + " must be PascalCase");
        }
        for (FieldDescriptorProto field : message.getFieldList()) {
            if (!SNAKE.matcher(field.getName()).matches()) {
                problems.add(file + ": field " + message.getName() + "." + field.getName() + " must be snake_case");
            }
        }
        message.getNestedTypeList().forEach(nested -> checkMessage(file, nested, problems));
    }

    private static void checkEnum(String file, EnumDescriptorProto e, List<String> problems) {
        String prefix = snake(e.getName()).toUpperCase() + "_";
        if (e.getValueCount() == 0 || e.getValue(0).getNumber() != 0
                || !e.getValue(0).getName().equals(prefix + "UNSPECIFIED")) {
            problems.add(file + ": enum " + e.getName() + " must start with " + prefix + "UNSPECIFIED = 0");
        }
        e.getValueList().forEach(value -> {
            if (!value.getName().startsWith(prefix) || !UPPER_SNAKE.matcher(value.getName()).matches()) {
                problems.add(file + ": enum value " + value.getName() + " must be UPPER_SNAKE with prefix " + prefix);
            }
        });
    }

    private static String simple(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    static String snake(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
