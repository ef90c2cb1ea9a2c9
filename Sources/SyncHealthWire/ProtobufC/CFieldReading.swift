import CProtobufC
// protobuf-c.h is included by both C modules (CProtobufC's shim and every
// generated header of CSyncHealthProto), so Clang may give its declarations
// to either; importing both keeps them visible here whichever it picks (a
// clean build failed with "cannot find 'PROTOBUF_C_LABEL_REPEATED'" when it
// picked CSyncHealthProto).
import CSyncHealthProto

/// Reading non-string fields out of unpacked protobuf-c messages. Pointers
/// are borrowed from the unpacked message and never escape these calls.
enum CField {
    /// An optional sub-message: NULL is absent (nil). A failure inside it is
    /// reported under `field`, e.g. "item_counts.…".
    static func message<M: ProtobufCBacked>(
        _ pointer: UnsafePointer<M.CMessage>?,
        field: @autoclosure () -> String
    ) throws(WireError) -> M? {
        guard let pointer else { return nil }
        do {
            return try M(cMessage: pointer)
        } catch {
            throw error.within(field())
        }
    }

    /// A repeated sub-message field; a failure names the index, e.g. "items[3]".
    /// protobuf-c never leaves a NULL element; one is reported as malformed.
    static func messages<M: ProtobufCBacked>(
        count: Int,
        _ pointer: UnsafePointer<UnsafeMutablePointer<M.CMessage>?>?,
        field: String
    ) throws(WireError) -> [M] {
        guard count > 0, let pointer else { return [] }
        var messages: [M] = []
        messages.reserveCapacity(count)
        for index in 0..<count {
            guard let element = pointer[index] else {
                throw .malformed(message: M.protoName)
            }
            do {
                messages.append(try M(cMessage: element))
            } catch {
                throw error.within("\(field)[\(index)]")
            }
        }
        return messages
    }

    /// A repeated scalar field (packed or not on the wire), converted per element.
    static func scalars<C, Value>(
        count: Int,
        _ pointer: UnsafePointer<C>?,
        _ convert: (C) -> Value
    ) -> [Value] {
        guard count > 0, let pointer else { return [] }
        return UnsafeBufferPointer(start: pointer, count: count).map(convert)
    }

    /// A repeated enum field; unknown numbers become `.unrecognized`.
    static func enums<C: CEnum, E: WireEnum>(count: Int, _ pointer: UnsafePointer<C>?) -> [E] {
        scalars(count: count, pointer) { E(cValue: $0) }
    }

    /// A `bytes` field (len 0 / NULL reads as empty).
    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let pointer = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: data.len))
    }

    /// A protobuf-c `protobuf_c_boolean` (an int).
    static func bool(_ value: protobuf_c_boolean) -> Bool { value != 0 }
}

extension Bool {
    /// This value as a protobuf-c `protobuf_c_boolean`.
    var cBoolean: protobuf_c_boolean { self ? 1 : 0 }
}
