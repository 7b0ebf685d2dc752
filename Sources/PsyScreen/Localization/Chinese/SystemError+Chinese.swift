#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SystemError {
    package var chinese: String {
        switch code {
        case ENOENT: "没有这个文件或文件夹"
        case EACCES, EPERM: "没有权限"
        case EEXIST: "文件已存在"
        case EISDIR: "这是一个文件夹"
        case ENOTDIR: "路径中有一部分不是文件夹"
        case ENOSPC: "磁盘已满"
        case EDQUOT: "超出磁盘配额"
        case EROFS: "文件系统只读"
        case EIO: "读写设备出错"
        case EPIPE: "管道已关闭（读取方已退出）"
        case ENAMETOOLONG: "文件名太长"
        case EMFILE, ENFILE: "打开的文件太多"
        case ENOMEM: "内存不足"
        case EBUSY: "文件或设备正忙"
        case ETXTBSY: "文件正被执行"
        case EXDEV: "不能跨文件系统移动"
        case ELOOP: "符号链接层数太多"
        case EINVAL: "参数无效"
        case EBADF: "文件描述符无效"
        case EFBIG: "文件太大"
        case ENXIO: "设备不存在"
        case EAGAIN: "资源暂时不可用"
        case EINTR: "操作被中断"
        default: "系统错误（代码 \(code)）"
        }
    }
}
